package com.orderdesk.payment.receipt;

import com.orderdesk.shared.ModuleApi;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * API.md "Configuration operators rely on": {@code orderdesk.receipts.*} — 54-ФЗ receipts through YooKassa. An
 * inconsistent setup (receipts on without the merchant's tax system) refuses to start.
 */
@ConfigurationProperties("orderdesk.receipts")
@ModuleApi
public record ReceiptProperties(
        @DefaultValue("false") boolean enabled,
        /** the merchant's tax system, YooKassa {@code tax_system_code} 1–6 */
        Integer taxSystemCode,
        /** when a prepaid order gets its settlement receipt */
        @DefaultValue("COMPLETION") SettlementOn settlementOn,
        /** the desk's payments go through the same cash register: the settlement receipt settles them too */
        @DefaultValue("false") boolean deskPaymentsInRegister,
        /** the first look at a receipt's state after it was handed over; each later one waits twice as long */
        @DefaultValue("2s") Duration firstPoll,
        @DefaultValue("5m") Duration maxPoll,
        /** looks at a pending receipt before it is shown as failed (staff then ask the register's operator) */
        @DefaultValue("40") int pollAttempts) {

    public enum SettlementOn {
        COMPLETION, RENTAL_START
    }

    public ReceiptProperties {
        if (enabled && (taxSystemCode == null || taxSystemCode < 1 || taxSystemCode > 6)) {
            throw new IllegalArgumentException("orderdesk.receipts.enabled=true needs orderdesk.receipts.tax-system-code, the merchant's "
                    + "tax system as YooKassa numbers it (1 ОСН, 2 УСН доходы, 3 УСН доходы минус расходы, 4 ЕНВД, 5 ЕСХН, 6 ПСН); got "
                    + taxSystemCode);
        }
        if (firstPoll == null || firstPoll.isNegative() || firstPoll.isZero() || maxPoll == null || maxPoll.compareTo(firstPoll) < 0
                || pollAttempts < 1) {
            throw new IllegalArgumentException("orderdesk.receipts: first-poll must be positive, max-poll at least first-poll, "
                    + "poll-attempts at least 1");
        }
    }
}

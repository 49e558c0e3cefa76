package com.orderdesk.app.payments;

import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.payment.receipt.ReceiptProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Receipts on means every tariff says its VAT code: a receipt without one would be refused at the moment a guest pays.
 * Start-up refuses such a setup and names the tariffs to fix. (The tax system is checked by {@link ReceiptProperties}.)
 */
@Component
class ReceiptsSetupCheck implements InitializingBean {
    private static final Logger log = LoggerFactory.getLogger(ReceiptsSetupCheck.class);
    private final Catalog catalog;
    private final ReceiptProperties receipts;

    ReceiptsSetupCheck(Catalog catalog, ReceiptProperties receipts) {
        this.catalog = catalog;
        this.receipts = receipts;
    }

    @Override
    public void afterPropertiesSet() {
        if (!receipts.enabled()) {
            log.info("54-ФЗ receipts are off (orderdesk.receipts.enabled=false): online payments go to YooKassa without receipt data");
            return;
        }
        List<String> missing = new ArrayList<>();
        catalog.services().forEach(service -> service.tariffList().stream().filter(tariff -> tariff.vatCode() == null)
                .forEach(tariff -> missing.add(service.id() + "/" + tariff.id())));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("orderdesk.receipts.enabled=true, but these tariffs have no vat-code "
                    + "(orderdesk.catalog.services[].tariffs[].vat-code, YooKassa's 1–12): " + String.join(", ", missing));
        }
        log.info("54-ФЗ receipts are on: tax system {}, settlement receipt on {}{}", receipts.taxSystemCode(),
                receipts.settlementOn(), receipts.deskPaymentsInRegister() ? ", desk payments settled through the same register" : "");
    }
}

package com.orderdesk.app.payments;

import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.command.catalog.TestCatalogs;
import com.orderdesk.payment.receipt.ReceiptProperties;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A setup with receipts on that cannot work refuses to start, and says what to fix. */
class ReceiptsSetupTest {

    private static ReceiptProperties receipts(boolean enabled, Integer taxSystem) {
        return new ReceiptProperties(enabled, taxSystem, ReceiptProperties.SettlementOn.COMPLETION, false, Duration.ofSeconds(2),
                Duration.ofMinutes(5), 40);
    }

    private static Catalog catalog(Integer vatCode) {
        return TestCatalogs.coworking().name("Коворкинг").standard("100.00", false, 0).vatCode(vatCode).staff().catalog();
    }

    @Test
    void receiptsOnNeedTheMerchantsTaxSystem() {
        assertThatThrownBy(() -> receipts(true, null)).hasMessageContaining("orderdesk.receipts.tax-system-code");
        assertThatThrownBy(() -> receipts(true, 7)).hasMessageContaining("tax-system-code");
        assertThatCode(() -> receipts(true, 2)).doesNotThrowAnyException();
        assertThatCode(() -> receipts(false, null)).doesNotThrowAnyException();
    }

    @Test
    void receiptsOnNeedAVatCodeOnEveryTariff() {
        assertThatThrownBy(() -> new ReceiptsSetupCheck(catalog(null), receipts(true, 1)).afterPropertiesSet())
                .hasMessageContaining("coworking-2nd-floor/standard").hasMessageContaining("vat-code");
        assertThatCode(() -> new ReceiptsSetupCheck(catalog(11), receipts(true, 1)).afterPropertiesSet()).doesNotThrowAnyException();
        assertThatCode(() -> new ReceiptsSetupCheck(catalog(null), receipts(false, null)).afterPropertiesSet()).doesNotThrowAnyException();
    }

    @Test
    void aVatCodeYooKassaDoesNotKnowIsRefusedWithTheCatalog() {
        assertThatThrownBy(() -> catalog(13)).hasMessageContaining("vat-code must be one of YooKassa's codes 1..12");
    }
}

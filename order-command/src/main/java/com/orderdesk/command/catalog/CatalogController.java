package com.orderdesk.command.catalog;

import com.orderdesk.shared.value.Money;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/catalog/services}: what can be booked, at what price, with what payment options. */
@RestController
@RequestMapping(path = "/api/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
public class CatalogController {
    private final Catalog catalog;

    public CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    public record TariffView(String id, String name, Money unitPrice, String unit, boolean partialPayment,
                             Integer prepaymentPercent) {
    }

    /** A guest may cancel until {@code guestCutoffMinutes} before the start and then gets {@code guestRefundPercent} back. */
    public record CancellationPolicyView(long guestCutoffMinutes, int guestRefundPercent) {
    }

    public record ServiceView(String id, String name, String timeZone, Money minimumRemainder, List<TariffView> tariffs,
                              CancellationPolicyView cancellationPolicy, long bookingHorizonDays, long maxRentalLengthDays) {
    }

    @GetMapping("/services")
    public List<ServiceView> services() {
        return catalog.services().stream().map(service -> new ServiceView(service.id(), service.name(),
                service.timeZone().getId(), service.minimumRemainder(),
                service.tariffList().stream().map(t -> new TariffView(t.id(), t.name(), t.unitPrice(), "HOUR",
                        t.partialPayment(), t.partialPayment() ? t.prepaymentPercent() : null)).toList(),
                new CancellationPolicyView(service.guestCancellationCutoff().toMinutes(), service.guestRefundPercent()),
                service.bookingHorizon().toDays(), service.maxRentalLength().toDays())).toList();
    }
}

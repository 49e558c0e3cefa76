package com.orderdesk.command.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The catalog as operators write it under {@code orderdesk.catalog}. Validated into a {@link Catalog} at start-up. */
@ConfigurationProperties("orderdesk.catalog")
public record CatalogProperties(@DefaultValue List<ServiceSpec> services) {

    public record ServiceSpec(
            String id,
            String name,
            String timeZone,
            @DefaultValue("50.00") BigDecimal minimumRemainder,
            @DefaultValue List<TariffSpec> tariffs,
            /** a guest may cancel until this long before the rental starts */
            @DefaultValue("2h") Duration guestCancellationCutoff,
            /** what a guest cancelling in time gets back, in percent of what was paid */
            @DefaultValue("100") int guestRefundPercent,
            /** a rental starts at most this far ahead */
            @DefaultValue("365d") Duration bookingHorizon,
            /** the longest rental one order may book */
            @DefaultValue("31d") Duration maxRentalLength,
            /** the staff responsible for the service: only they (and auditors) see and handle its orders */
            @DefaultValue List<StaffSpec> staff,
            /** places that can be occupied at once (docs/adr/019); none: not tracked */
            Integer capacity,
            /** when it can be booked, in its zone: {@code mon-fri: "09:00-21:00"}, {@code daily: …}; none: every hour */
            @DefaultValue Map<String, String> openingHours,
            /** dates it is closed whatever the weekday */
            @DefaultValue List<LocalDate> closedDates,
            /** a guest checks in from this long before the rental's start until its end (issue 30) */
            @DefaultValue("30m") Duration checkInFrom,
            /** nobody checked in this long after the start: the order is marked «Не пришёл» on its own; none: never */
            Duration noShowAfter,
            /** a paid, confirmed order completes on its own this long after its rental ends; none: only by hand */
            Duration completeAfter) {
    }

    /** A responsible staff member: the login, or the subject of their identity provider's tokens, and their name. */
    public record StaffSpec(String id, String name) {
    }

    public record TariffSpec(
            String id,
            String name,
            BigDecimal unitPrice,
            @DefaultValue("false") boolean partialPayment,
            @DefaultValue("0") int prepaymentPercent,
            /** the VAT code of the tariff's price on fiscal receipts (YooKassa {@code vat_code}, 1–12) */
            Integer vatCode,
            /** «предмет расчёта» on fiscal receipts (YooKassa {@code payment_subject}) */
            @DefaultValue("service") String paymentSubject) {
    }
}

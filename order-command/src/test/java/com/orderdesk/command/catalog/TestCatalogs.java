package com.orderdesk.command.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way tests build a catalog: the demo's «Коворкинг на 2 этаже» (Perm, 50 ₽ minimum, «Стандарт» at 100 ₽ an hour
 * with a 25 % prepayment, guests cancel up to 2 h before and get everything back, 365-day horizon, 31-day rentals,
 * staff «Ирина Соколова» and «Пётр Иванов»), changed only where a test says so. Shared with the app's tests through
 * this module's test jar.
 */
public final class TestCatalogs {
    public static final String SERVICE = "coworking-2nd-floor";
    public static final String TARIFF = "standard";
    public static final String ZONE = "Asia/Yekaterinburg";

    private TestCatalogs() {
    }

    /** The demo service, to change before {@link ServiceBuilder#catalog()}. */
    public static ServiceBuilder coworking() {
        return new ServiceBuilder();
    }

    /** The demo catalog as it is. */
    public static Catalog demo() {
        return coworking().catalog();
    }

    /** A tariff by the hour. */
    public static CatalogProperties.TariffSpec tariff(String id, String name, String price, boolean partial, int prepaymentPercent,
                                                      Integer vatCode) {
        return new CatalogProperties.TariffSpec(id, name, new BigDecimal(price), partial, prepaymentPercent, vatCode, "service");
    }

    public static final class ServiceBuilder {
        private String id = SERVICE;
        private String name = "Коворкинг на 2 этаже";
        private String zone = ZONE;
        private BigDecimal minimumRemainder = new BigDecimal("50.00");
        private List<CatalogProperties.TariffSpec> tariffs = new ArrayList<>(List.of(tariff(TARIFF, "Стандарт", "100.00", true, 25, null)));
        private Duration cutoff = Duration.ofHours(2);
        private int refundPercent = 100;
        private Duration horizon = Duration.ofDays(365);
        private Duration maxRental = Duration.ofDays(31);
        private List<CatalogProperties.StaffSpec> staff = List.of(new CatalogProperties.StaffSpec("manager", "Ирина Соколова"),
                new CatalogProperties.StaffSpec("service", "Пётр Иванов"));
        private Integer capacity;
        private java.util.Map<String, String> openingHours = java.util.Map.of();
        private List<java.time.LocalDate> closedDates = List.of();
        private Duration checkInFrom = Duration.ofMinutes(30);
        private Duration noShowAfter;
        private Duration completeAfter;

        private ServiceBuilder() {
        }

        public ServiceBuilder id(String id) {
            this.id = id;
            return this;
        }

        public ServiceBuilder name(String name) {
            this.name = name;
            return this;
        }

        public ServiceBuilder zone(String zone) {
            this.zone = zone;
            return this;
        }

        /** Replaces the tariffs. */
        public ServiceBuilder tariffs(CatalogProperties.TariffSpec... tariffs) {
            this.tariffs = new ArrayList<>(List.of(tariffs));
            return this;
        }

        /** «Стандарт» at {@code price}, with or without partial payment. */
        public ServiceBuilder standard(String price, boolean partial, int prepaymentPercent) {
            return tariffs(tariff(TARIFF, "Стандарт", price, partial, prepaymentPercent, tariffs.get(0).vatCode()));
        }

        /** Every tariff's VAT code on receipts (null: none). */
        public ServiceBuilder vatCode(Integer vatCode) {
            this.tariffs = new ArrayList<>(tariffs.stream().map(t -> new CatalogProperties.TariffSpec(t.id(), t.name(), t.unitPrice(),
                    t.partialPayment(), t.prepaymentPercent(), vatCode, t.paymentSubject())).toList());
            return this;
        }

        public ServiceBuilder guestCancellation(Duration cutoff, int refundPercent) {
            this.cutoff = cutoff;
            this.refundPercent = refundPercent;
            return this;
        }

        /** Places that can be occupied at once (none: not tracked). */
        public ServiceBuilder capacity(Integer capacity) {
            this.capacity = capacity;
            return this;
        }

        /** Opening hours as operators write them ({@code "mon-fri", "09:00-21:00", …}) and closed dates. */
        public ServiceBuilder openingHours(java.util.Map<String, String> openingHours, java.time.LocalDate... closedDates) {
            this.openingHours = java.util.Map.copyOf(openingHours);
            this.closedDates = List.of(closedDates);
            return this;
        }

        /** The reception's rules (issue 30): check-in from, no-show after, complete after (null: off). */
        public ServiceBuilder attendance(Duration checkInFrom, Duration noShowAfter, Duration completeAfter) {
            this.checkInFrom = checkInFrom;
            this.noShowAfter = noShowAfter;
            this.completeAfter = completeAfter;
            return this;
        }

        public ServiceBuilder staff(CatalogProperties.StaffSpec... staff) {
            this.staff = List.of(staff);
            return this;
        }

        public CatalogProperties.ServiceSpec spec() {
            return new CatalogProperties.ServiceSpec(id, name, zone, minimumRemainder, List.copyOf(tariffs), cutoff, refundPercent,
                    horizon, maxRental, staff, capacity, openingHours, closedDates,
                    checkInFrom, noShowAfter, completeAfter);
        }

        public CatalogProperties properties() {
            return new CatalogProperties(List.of(spec()));
        }

        /** The catalog, validated as at start-up (a bad one throws as the start would). */
        public Catalog catalog() {
            return new Catalog(properties());
        }
    }
}

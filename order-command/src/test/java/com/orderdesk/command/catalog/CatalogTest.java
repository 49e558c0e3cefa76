package com.orderdesk.command.catalog;

import com.orderdesk.shared.error.InvalidValueException;
import com.orderdesk.shared.order.PaymentPlan;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.RentalPeriod;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog is configuration: a bad one stops the start, a good one prices every order. */
class CatalogTest {
    private static CatalogProperties catalog(String zone, String price, boolean partial, int percent) {
        return TestCatalogs.coworking().zone(zone).standard(price, partial, percent).properties();
    }

    @Test
    void aNegativePriceIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new Catalog(catalog("Asia/Yekaterinburg", "-1.00", false, 0)))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aPriceWithFractionsOfAKopeckIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new Catalog(catalog("Asia/Yekaterinburg", "100.001", false, 0)))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void anUnknownTimeZoneIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new Catalog(catalog("Mars/Olympus", "100.00", false, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time zone");
    }

    @Test
    void partialPaymentNeedsAPrepaymentPercentBetween1And99() {
        assertThatThrownBy(() -> new Catalog(catalog("Asia/Yekaterinburg", "100.00", true, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Catalog(catalog("Asia/Yekaterinburg", "100.00", true, 100)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theServerPricesStartedHoursTimesTheUnitPrice() {
        Catalog demo = new Catalog(catalog("Asia/Yekaterinburg", "100.00", true, 25));
        Instant start = Instant.parse("2030-08-11T11:00:00Z");
        Catalog.Pricing pricing = demo.price("coworking-2nd-floor", "standard", new RentalPeriod(start, start.plusSeconds(4 * 3600)),
                PaymentPlan.PARTIAL);
        assertThat(pricing.total()).isEqualTo(Money.ofRubles(400));
        assertThat(pricing.lines().get(0).quantity()).isEqualTo(4);
        assertThat(pricing.dueOnline()).isEqualTo(Money.ofRubles(100));
        assertThat(pricing.minimumRemainder()).isEqualTo(Money.ofRubles(50));
        assertThat(demo.price("coworking-2nd-floor", "standard", new RentalPeriod(start, start.plusSeconds(4 * 3600)),
                PaymentPlan.FULL).dueOnline()).isEqualTo(Money.ofRubles(400));
    }

    @Test
    void staffReachTheServicesTheyAreResponsibleForAuditorsAndTheSystemEveryServiceGuestsNone() {
        Catalog demo = new Catalog(catalog("Asia/Yekaterinburg", "100.00", true, 25));
        com.orderdesk.shared.value.Channel desk = com.orderdesk.shared.value.Channel.DESK;
        com.orderdesk.shared.access.Reach manager = demo.reachOf(new com.orderdesk.shared.value.Actor("manager", "Ирина Соколова",
                com.orderdesk.shared.value.Role.RENTAL_MANAGER, desk));
        assertThat(manager.covers("coworking-2nd-floor")).isTrue();
        assertThat(manager.covers("meeting-room")).isFalse();
        assertThat(demo.reachOf(new com.orderdesk.shared.value.Actor("service", "Пётр Иванов",
                com.orderdesk.shared.value.Role.SERVICE_MANAGER, desk)).covers("coworking-2nd-floor")).isTrue();
        assertThat(demo.reachOf(new com.orderdesk.shared.value.Actor("manager2", "Анна Кузнецова",
                com.orderdesk.shared.value.Role.RENTAL_MANAGER, desk)).covers("coworking-2nd-floor")).isFalse();
        // a guest who happens to share a staff login reaches nothing through it
        assertThat(demo.reachOf(new com.orderdesk.shared.value.Actor("manager", "Ирина Соколова",
                com.orderdesk.shared.value.Role.GUEST, com.orderdesk.shared.value.Channel.GUEST_APP)).covers("coworking-2nd-floor")).isFalse();
        assertThat(demo.reachOf(new com.orderdesk.shared.value.Actor("auditor", "Ольга Ревизорова",
                com.orderdesk.shared.value.Role.AUDITOR, desk)).everyService()).isTrue();
        assertThat(demo.reachOf(com.orderdesk.shared.value.Actor.system(com.orderdesk.shared.value.Channel.GATEWAY)).everyService()).isTrue();
        assertThat(demo.staffOf("coworking-2nd-floor")).extracting(com.orderdesk.shared.access.ServiceAccess.StaffMember::name)
                .containsExactly("Ирина Соколова", "Пётр Иванов");
    }

    @Test
    void aStaffMemberNamedTwiceOrWithoutANameStopsTheStart() {
        java.util.function.Function<List<CatalogProperties.StaffSpec>, CatalogProperties> withStaff = staff ->
                TestCatalogs.coworking().standard("100.00", false, 0).staff(staff.toArray(CatalogProperties.StaffSpec[]::new)).properties();
        assertThatThrownBy(() -> new Catalog(withStaff.apply(List.of(new CatalogProperties.StaffSpec("manager", "Ирина"),
                new CatalogProperties.StaffSpec("manager", "Ирина Соколова"))))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Catalog(withStaff.apply(List.of(new CatalogProperties.StaffSpec("manager", " ")))))
                .isInstanceOf(IllegalArgumentException.class);
        // a service nobody is responsible for starts (with a warning): only auditors see its orders
        Catalog unstaffed = new Catalog(withStaff.apply(List.of()));
        assertThat(unstaffed.reachOf(new com.orderdesk.shared.value.Actor("manager", "Ирина Соколова",
                com.orderdesk.shared.value.Role.RENTAL_MANAGER, com.orderdesk.shared.value.Channel.DESK)).covers("coworking-2nd-floor")).isFalse();
    }

    @Test
    void aServiceHoldsItsCapacityAndOpeningHoursAndRefusesANonsensicalCapacity() {
        Catalog.Service room = TestCatalogs.coworking().capacity(1).openingHours(java.util.Map.of("mon-fri", "09:00-21:00"),
                java.time.LocalDate.of(2027, 1, 1)).catalog().services().get(0);
        assertThat(room.capacity()).isEqualTo(1);
        assertThat(room.openingHours().hoursOf(java.time.LocalDate.of(2026, 12, 7))).hasSize(12);
        assertThat(room.openingHours().hoursOf(java.time.LocalDate.of(2027, 1, 1))).as("a closed Friday").isEmpty();

        Catalog.Service untracked = TestCatalogs.coworking().catalog().services().get(0);
        assertThat(untracked.capacity()).as("not tracked unless written").isNull();
        assertThat(untracked.openingHours().hoursOf(java.time.LocalDate.of(2026, 12, 7))).hasSize(24);

        assertThatThrownBy(() -> TestCatalogs.coworking().capacity(0).catalog())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity must be 1..10000");
        assertThatThrownBy(() -> TestCatalogs.coworking().openingHours(java.util.Map.of("mon", "22:00-08:00")).catalog())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("closes before it opens");
    }

    @Test
    void capacityOpeningHoursAndClosedDatesBindAsOperatorsWriteThem() {
        java.util.Map<String, Object> written = new java.util.LinkedHashMap<>();
        written.put("orderdesk.catalog.services[0].id", "meeting-room-3rd-floor");
        written.put("orderdesk.catalog.services[0].name", "Переговорная на 3 этаже");
        written.put("orderdesk.catalog.services[0].time-zone", "Asia/Yekaterinburg");
        written.put("orderdesk.catalog.services[0].capacity", "1");
        written.put("orderdesk.catalog.services[0].opening-hours.mon-fri", "09:00-21:00");
        written.put("orderdesk.catalog.services[0].closed-dates[0]", "2027-01-01");
        written.put("orderdesk.catalog.services[0].tariffs[0].id", "standard");
        written.put("orderdesk.catalog.services[0].tariffs[0].unit-price", "500.00");
        CatalogProperties bound = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(written))
                .bind("orderdesk.catalog", CatalogProperties.class).get();
        Catalog.Service room = new Catalog(bound).services().get(0);
        assertThat(room.capacity()).isEqualTo(1);
        assertThat(room.openingHours().describe(java.time.LocalDate.of(2026, 12, 7))).isEqualTo("09:00–21:00");
        assertThat(room.openingHours().hoursOf(java.time.LocalDate.of(2026, 12, 12))).as("Saturday").isEmpty();
        assertThat(room.openingHours().hoursOf(java.time.LocalDate.of(2027, 1, 1))).as("closed date").isEmpty();
    }
}

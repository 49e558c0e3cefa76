package com.orderdesk.command.order;

import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.command.catalog.TestCatalogs;
import com.orderdesk.command.space.InMemoryHoldTable;
import com.orderdesk.command.space.SpaceHolds;
import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.order.OrderLine;
import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.PaymentPlan;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.order.ServiceRef;
import com.orderdesk.shared.order.TariffRef;
import com.orderdesk.shared.order.event.OrderPlaced;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Applicant;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.OrderNumber;
import com.orderdesk.shared.value.Person;
import com.orderdesk.shared.value.Phone;
import com.orderdesk.shared.value.RentalPeriod;
import com.orderdesk.shared.value.Role;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.time.Clock;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The demo catalog, people and a placed order, as the aggregate tests give them. */
final class OrderFixtures {
    static final String ORDER_ID = "0f9a3b0e-0000-4000-8000-000000000001";
    static final String SERVICE = "coworking-2nd-floor";
    static final String TARIFF = "standard";
    static final Actor MANAGER = new Actor("manager", "Ирина Соколова", Role.RENTAL_MANAGER, Channel.DESK);
    static final Actor GUEST = new Actor("guest", "Алексей Трошков", Role.GUEST, Channel.GUEST_APP);
    static final Actor GATEWAY = Actor.system(Channel.GATEWAY);
    static final Actor GUEST_2 = new Actor("guest2", "Мария Ветрова", Role.GUEST, Channel.GUEST_APP);
    static final Person VISITOR = new Person("Алексей Трошков", Phone.parse("+7 342 254-54-54"));
    static final Applicant APPLICANT = new Applicant("Алексей Трошков", "Гость локации", Phone.parse("+7 342 254-54-54"));
    /** 16:00–20:00 in Perm (UTC+5), far in the future so online placement accepts it. */
    static final RentalPeriod FOUR_HOURS = new RentalPeriod(Instant.parse("2030-08-11T11:00:00Z"), Instant.parse("2030-08-11T15:00:00Z"));
    static final ServiceRef SERVICE_REF = new ServiceRef(SERVICE, "Коворкинг на 2 этаже", "Asia/Yekaterinburg");
    static final TariffRef TARIFF_REF = new TariffRef(TARIFF, "Стандарт", Money.ofRubles(100), "HOUR");

    private OrderFixtures() {
    }

    static Catalog demoCatalog() {
        return TestCatalogs.coworking().tariffs(TestCatalogs.tariff(TARIFF, "Стандарт", "100.00", true, 25, null),
                TestCatalogs.tariff("cheap", "Эконом", "40.00", true, 25, null),
                TestCatalogs.tariff("full-only", "Только полная оплата", "100.00", false, 0, null)).catalog();
    }

    /**
     * The aggregate under test on {@code catalog}, its clock at {@code now}: the {@link Clock} its handlers take reads the
     * fixture's time, so {@code andGivenCurrentTime} moves the order's "now" and nothing else does.
     */
    static FixtureConfiguration<Order> fixture(Catalog catalog, Instant now) {
        return fixture(catalog, now, new InMemoryHoldTable());
    }

    /** The same, the places orders hold kept in {@code holds} (for the tests of capacity to fill and read). */
    static FixtureConfiguration<Order> fixture(Catalog catalog, Instant now, InMemoryHoldTable holds) {
        return fixture(catalog, now, holds, new RecordedRentalDeadlines());
    }

    /** The same, the deadlines orders set recorded in {@code deadlines}. */
    static FixtureConfiguration<Order> fixture(Catalog catalog, Instant now, InMemoryHoldTable holds, RecordedRentalDeadlines deadlines) {
        AggregateTestFixture<Order> fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(deadlines);
        fixture.registerInjectableResource(catalog);
        fixture.registerInjectableResource(new SpaceHolds(holds));
        fixture.registerInjectableResource(new InMemoryOrderNumbers());
        fixture.registerInjectableResource(((InstantSource) fixture::currentTime).withZone(ZoneOffset.UTC));
        fixture.givenCurrentTime(now);
        return fixture;
    }

    /** A refusal of bad input: {@code validation-failed} on {@code field}, its detail saying {@code reason}. */
    static Matcher<Throwable> invalid(String field, String reason) {
        return refusal(ErrorCode.VALIDATION_FAILED, field, reason);
    }

    /** A refusal by a rule: {@code code}, its detail saying {@code reason} — not merely any refusal with that code. */
    static Matcher<Throwable> rejectedWith(ErrorCode code, String reason) {
        return refusal(code, null, reason);
    }

    private static Matcher<Throwable> refusal(ErrorCode code, String field, String reason) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof RejectedException rejected && rejected.code() == code
                        && (field == null || field.equals(rejected.rejection().field()))
                        && rejected.rejection().detail().contains(reason);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("refusal " + code.code() + (field == null ? "" : " on " + field) + " saying «" + reason + "»");
            }

            @Override
            protected void describeMismatchSafely(Throwable item, Description mismatch) {
                mismatch.appendText(item instanceof RejectedException rejected
                        ? "was " + rejected.code().code() + " on " + rejected.rejection().field() + ": «" + rejected.rejection().detail() + "»"
                        : "was " + item);
            }
        };
    }


    /** An order of {@code hours} × 100 ₽ placed at the desk: confirmed, nothing paid. */
    static OrderPlaced placedAtDesk(long hours, Instant at) {
        RentalPeriod period = new RentalPeriod(FOUR_HOURS.start(), FOUR_HOURS.start().plusSeconds(hours * 3600));
        Money total = Money.ofRubles(100 * hours);
        return new OrderPlaced(ORDER_ID, OrderNumber.of(1_006_313), at, MANAGER, null, SERVICE_REF, TARIFF_REF,
                List.of(new OrderLine("Коворкинг на 2 этаже, тариф «Стандарт»", hours, Money.ofRubles(100), total)),
                period, "207", VISITOR, APPLICANT, PaymentPlan.PARTIAL, total, Money.ZERO, Money.ofRubles(50),
                LocalDate.of(2030, 8, 11), OrderStatus.CONFIRMED, PaymentStatus.UNPAID);
    }

    /** 400 ₽ placed online by the guest with a 25 % prepayment (100 ₽) due. */
    static OrderPlaced placedOnline(Instant at) {
        OrderPlaced desk = placedAtDesk(4, at);
        return new OrderPlaced(ORDER_ID, desk.number(), at, GUEST, "guest", SERVICE_REF, TARIFF_REF, desk.lines(),
                desk.rentalPeriod(), "207", VISITOR, APPLICANT, PaymentPlan.PARTIAL, desk.total(), Money.ofRubles(100),
                Money.ofRubles(50), desk.dueDate(), OrderStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID);
    }

    /** Numbers from memory, with the same contract as the database allocator. */
    static final class InMemoryOrderNumbers implements OrderNumbers {
        private final AtomicLong last = new AtomicLong(1_006_312);
        private final Map<String, OrderNumber> byOrder = new ConcurrentHashMap<>();

        @Override
        public OrderNumber allocate(String orderId) {
            return byOrder.computeIfAbsent(orderId, id -> OrderNumber.of(last.incrementAndGet()));
        }
    }
}

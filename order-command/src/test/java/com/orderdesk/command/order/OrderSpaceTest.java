package com.orderdesk.command.order;

import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.command.catalog.TestCatalogs;
import com.orderdesk.command.space.InMemoryHoldTable;
import com.orderdesk.command.space.SpaceHolds;
import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.error.Rejection;
import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.PaymentPlan;
import com.orderdesk.shared.order.command.CancelOrder;
import com.orderdesk.shared.order.command.ExpireOnlinePayment;
import com.orderdesk.shared.order.command.PlaceOrder;
import com.orderdesk.shared.order.event.OrderPlaced;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.RentalPeriod;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static com.orderdesk.command.order.OrderFixtures.APPLICANT;
import static com.orderdesk.command.order.OrderFixtures.GUEST;
import static com.orderdesk.command.order.OrderFixtures.MANAGER;
import static com.orderdesk.command.order.OrderFixtures.SERVICE;
import static com.orderdesk.command.order.OrderFixtures.TARIFF;
import static com.orderdesk.command.order.OrderFixtures.VISITOR;
import static com.orderdesk.command.order.OrderFixtures.invalid;
import static com.orderdesk.command.web.OrderCommands.by;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Space sold once, at the aggregate (issue 27, docs/adr/019): the places an order takes when placed and frees when
 * cancelled or lapsed, the full hour refused with its conflicts, and the boundaries — the last free place, the hour the
 * service closes, the hour an order ends.
 */
class OrderSpaceTest {
    private static final ZoneId PERM = ZoneId.of("Asia/Yekaterinburg");
    private static final Instant NOW = Instant.parse("2030-08-01T08:32:00Z");
    /** A Monday; the service opens 08:00–22:00 every day but Tuesday 2030-08-13. */
    private static final LocalDate MONDAY = LocalDate.of(2030, 8, 12);

    private InMemoryHoldTable table;
    private SpaceHolds holds;
    private Catalog catalog;

    @BeforeEach
    void twoPlaces() {
        table = new InMemoryHoldTable();
        holds = new SpaceHolds(table);
        catalog = TestCatalogs.coworking().capacity(2).openingHours(Map.of("daily", "08:00-22:00"), MONDAY.plusDays(1))
                .tariffs(TestCatalogs.tariff(TARIFF, "Стандарт", "100.00", true, 25, null)).catalog();
    }

    /** An aggregate fixture of its own per order (a fixture is one aggregate's), all sharing the one table of holds. */
    private FixtureConfiguration<Order> fixture() {
        return OrderFixtures.fixture(catalog, NOW, table);
    }

    private static RentalPeriod monday(int from, int to) {
        return new RentalPeriod(hour(from), hour(to));
    }

    private static Instant hour(int hour) {
        return MONDAY.atTime(hour, 0).atZone(PERM).toInstant();
    }

    private static PlaceOrder order(String orderId, RentalPeriod period) {
        return new PlaceOrder(orderId, SERVICE, TARIFF, period, null, VISITOR, APPLICANT, PaymentPlan.PARTIAL, null);
    }

    /** Places {@code orderId} at the desk and answers the event it was placed with. */
    private OrderPlaced placed(String orderId, RentalPeriod period, Actor by) {
        FixtureConfiguration<Order> fixture = fixture();
        List<Object> events = new java.util.ArrayList<>();
        fixture.givenNoPriorActivity().when(by(by, order(orderId, period))).expectSuccessfulHandlerExecution()
                .expectEventsMatching(new org.hamcrest.CustomTypeSafeMatcher<>("the events, kept") {
                    @Override
                    protected boolean matchesSafely(List<? super org.axonframework.eventhandling.EventMessage<?>> published) {
                        published.forEach(m -> events.add(((org.axonframework.eventhandling.EventMessage<?>) m).getPayload()));
                        return true;
                    }
                });
        return (OrderPlaced) events.get(0);
    }

    private Map<Instant, Integer> held() {
        return holds.held(SERVICE, hour(0), hour(23).plusSeconds(3600));
    }

    private static Matcher<Throwable> noCapacity(String detail, Rejection.Conflict... conflicts) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof RejectedException rejected && rejected.code() == ErrorCode.NO_CAPACITY
                        && "rentalPeriod".equals(rejected.rejection().field()) && rejected.rejection().detail().equals(detail)
                        && rejected.rejection().conflicts().equals(List.of(conflicts));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("no-capacity «" + detail + "» with " + List.of(conflicts));
            }
        };
    }

    private static Rejection.Conflict conflict(int from) {
        return new Rejection.Conflict("2030-08-12T%02d:00:00+05:00".formatted(from), "2030-08-12T%02d:00:00+05:00".formatted(from + 1));
    }

    @Test
    void theLastFreePlaceIsSoldAndTheNextOrderIsRefusedWithEveryFullHour() {
        placed("a", monday(10, 14), MANAGER);
        placed("b", monday(12, 16), MANAGER);
        assertThat(held()).as("12:00 and 13:00 hold both places")
                .isEqualTo(Map.of(hour(10), 1, hour(11), 1, hour(12), 2, hour(13), 2, hour(14), 1, hour(15), 1));

        fixture().givenNoPriorActivity().when(by(MANAGER, order("c", monday(11, 15))))
                .expectException(noCapacity("«Коворкинг на 2 этаже»: на 12.08.2030 12:00–13:00 (время местное) свободных мест нет"
                        + " (и ещё 1 ч. периода). Выберите другое время.", conflict(12), conflict(13)))
                .expectNoEvents();
        fixture().givenNoPriorActivity().when(by(GUEST, order("d", monday(13, 14))))
                .expectException(noCapacity("«Коворкинг на 2 этаже»: на 12.08.2030 13:00–14:00 (время местное) свободных мест нет."
                        + " Выберите другое время.", conflict(13)))
                .expectNoEvents();
        assertThat(table.holdsAny("c") || table.holdsAny("d")).as("a refused order holds nothing").isFalse();

        placed("e", monday(14, 16), GUEST);
        assertThat(held()).as("14:00 was the last free place: taken, the hour 'a' ends in is free to 'e'")
                .containsEntry(hour(14), 2).containsEntry(hour(15), 2);
        fixture().givenNoPriorActivity().when(by(MANAGER, order("f", monday(16, 17)))).expectSuccessfulHandlerExecution();
    }

    @Test
    void theHourTheServiceClosesAndAClosedDayAreRefusedNamingTheHours() {
        placed("last-hour", monday(21, 22), MANAGER);
        fixture().givenNoPriorActivity().when(by(MANAGER, order("late", monday(20, 23))))
                .expectException(invalid("rentalPeriod", "«Коворкинг на 2 этаже» в эти часы не работает: 12.08.2030 22:00 (время местное)."
                        + " Часы работы 12.08.2030: 08:00–22:00."))
                .expectNoEvents();
        fixture().givenNoPriorActivity().when(by(GUEST, order("early", monday(7, 9))))
                .expectException(invalid("rentalPeriod", "12.08.2030 07:00")).expectNoEvents();
        RentalPeriod tuesday = new RentalPeriod(hour(10).plusSeconds(86_400), hour(12).plusSeconds(86_400));
        fixture().givenNoPriorActivity().when(by(GUEST, order("holiday", tuesday)))
                .expectException(invalid("rentalPeriod", "13.08.2030 10:00, 13.08.2030 11:00 (время местное). 13.08.2030 — выходной."))
                .expectNoEvents();
        assertThat(held()).containsOnlyKeys(hour(21));
    }

    @Test
    void aCancelledOrderFreesItsPlacesAtOnceAndSoDoesALapsedOne() {
        OrderPlaced first = placed("a", monday(10, 12), MANAGER);
        placed("b", monday(10, 12), MANAGER);
        fixture().givenNoPriorActivity().when(by(MANAGER, order("c", monday(10, 11)))).expectException(noCapacity(
                "«Коворкинг на 2 этаже»: на 12.08.2030 10:00–11:00 (время местное) свободных мест нет. Выберите другое время.", conflict(10)));

        fixture().given(first).when(by(MANAGER, new CancelOrder("a", "Гость передумал", null, null)))
                .expectSuccessfulHandlerExecution();
        assertThat(table.holdsAny("a")).isFalse();
        assertThat(held()).isEqualTo(Map.of(hour(10), 1, hour(11), 1));

        OrderPlaced online = placed("g", monday(10, 12), GUEST);
        assertThat(online.status()).as("a guest's order holds its places while it waits for payment")
                .isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(held()).isEqualTo(Map.of(hour(10), 2, hour(11), 2));
        fixture().given(online).when(new ExpireOnlinePayment("g", "g:prepayment")).expectSuccessfulHandlerExecution();
        assertThat(table.holdsAny("g")).as("the payment deadline lapsed: the hold is gone").isFalse();
        placed("h", monday(11, 12), GUEST);
    }
}

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
import static com.orderdesk.shared.audit.Attribution.sentBy;
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
        fixture.givenNoPriorActivity().when(sentBy(by, order(orderId, period))).expectSuccessfulHandlerExecution()
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

        fixture().givenNoPriorActivity().when(sentBy(MANAGER, order("c", monday(11, 15))))
                .expectException(noCapacity("«Коворкинг на 2 этаже»: на 12.08.2030 12:00–13:00 (время местное) свободных мест нет"
                        + " (и ещё 1 ч. периода). Выберите другое время.", conflict(12), conflict(13)))
                .expectNoEvents();
        fixture().givenNoPriorActivity().when(sentBy(GUEST, order("d", monday(13, 14))))
                .expectException(noCapacity("«Коворкинг на 2 этаже»: на 12.08.2030 13:00–14:00 (время местное) свободных мест нет."
                        + " Выберите другое время.", conflict(13)))
                .expectNoEvents();
        assertThat(table.holdsAny("c") || table.holdsAny("d")).as("a refused order holds nothing").isFalse();

        placed("e", monday(14, 16), GUEST);
        assertThat(held()).as("14:00 was the last free place: taken, the hour 'a' ends in is free to 'e'")
                .containsEntry(hour(14), 2).containsEntry(hour(15), 2);
        fixture().givenNoPriorActivity().when(sentBy(MANAGER, order("f", monday(16, 17)))).expectSuccessfulHandlerExecution();
    }

    @Test
    void theHourTheServiceClosesAndAClosedDayAreRefusedNamingTheHours() {
        placed("last-hour", monday(21, 22), MANAGER);
        fixture().givenNoPriorActivity().when(sentBy(MANAGER, order("late", monday(20, 23))))
                .expectException(invalid("rentalPeriod", "«Коворкинг на 2 этаже» в эти часы не работает: 12.08.2030 22:00 (время местное)."
                        + " Часы работы 12.08.2030: 08:00–22:00."))
                .expectNoEvents();
        fixture().givenNoPriorActivity().when(sentBy(GUEST, order("early", monday(7, 9))))
                .expectException(invalid("rentalPeriod", "12.08.2030 07:00")).expectNoEvents();
        RentalPeriod tuesday = new RentalPeriod(hour(10).plusSeconds(86_400), hour(12).plusSeconds(86_400));
        fixture().givenNoPriorActivity().when(sentBy(GUEST, order("holiday", tuesday)))
                .expectException(invalid("rentalPeriod", "13.08.2030 10:00, 13.08.2030 11:00 (время местное). 13.08.2030 — выходной."))
                .expectNoEvents();
        assertThat(held()).containsOnlyKeys(hour(21));
    }

    @Test
    void aCancelledOrderFreesItsPlacesAtOnceAndSoDoesALapsedOne() {
        OrderPlaced first = placed("a", monday(10, 12), MANAGER);
        placed("b", monday(10, 12), MANAGER);
        fixture().givenNoPriorActivity().when(sentBy(MANAGER, order("c", monday(10, 11)))).expectException(noCapacity(
                "«Коворкинг на 2 этаже»: на 12.08.2030 10:00–11:00 (время местное) свободных мест нет. Выберите другое время.", conflict(10)));

        fixture().given(first).when(sentBy(MANAGER, new CancelOrder("a", "Гость передумал", null, null)))
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

    // --- moving an order (RescheduleOrder) ---

    private static final com.orderdesk.shared.value.Money R0 = com.orderdesk.shared.value.Money.ZERO;

    private static com.orderdesk.shared.value.Money rub(long rubles) {
        return com.orderdesk.shared.value.Money.ofRubles(rubles);
    }

    private static List<com.orderdesk.shared.order.OrderLine> hoursOf(long hours) {
        return List.of(new com.orderdesk.shared.order.OrderLine("Коворкинг на 2 этаже, тариф «Стандарт»", hours, rub(100), rub(100 * hours),
                null, null));
    }

    /** The desk order of the fixtures (Sunday 16:00–20:00, 400 ₽), holding its places as placing it would have. */
    private OrderPlaced deskOrderHolding() {
        OrderPlaced placed = OrderFixtures.placedAtDesk(4, NOW);
        holds.take(catalog.services().get(0), OrderFixtures.ORDER_ID, placed.rentalPeriod());
        return placed;
    }

    private static com.orderdesk.shared.order.command.RescheduleOrder move(RentalPeriod to) {
        return new com.orderdesk.shared.order.command.RescheduleOrder(OrderFixtures.ORDER_ID, to, "Гость попросил", null);
    }

    private static com.orderdesk.shared.order.event.OrderRescheduled moved(RentalPeriod from, RentalPeriod to, Actor by, long hours,
                                                                            long totalBefore, long paidAfter, long owedBack, long deskOwed,
                                                                            List<com.orderdesk.shared.order.GatewayRefundDue> gateway,
                                                                            com.orderdesk.shared.order.PaymentStatus status) {
        long total = 100 * hours;
        return new com.orderdesk.shared.order.event.OrderRescheduled(OrderFixtures.ORDER_ID, from, to, "Asia/Yekaterinburg",
                "Гость попросил", by, NOW, hoursOf(hours), rub(totalBefore), rub(total), rub(paidAfter),
                rub(total - paidAfter), rub(owedBack), rub(owedBack), rub(deskOwed), gateway, status,
                LocalDate.ofInstant(to.start(), PERM));
    }

    @Test
    void aMoveTakesTheNewHoursAndGivesUpTheOldOnesTogetherOrChangesNothing() {
        OrderPlaced placed = deskOrderHolding();
        placed("x", monday(12, 13), MANAGER);
        placed("y", monday(12, 13), MANAGER);

        fixture().given(placed).when(sentBy(MANAGER, move(monday(10, 13))))
                .expectException(noCapacity("«Коворкинг на 2 этаже»: на 12.08.2030 12:00–13:00 (время местное) свободных мест нет."
                        + " Выберите другое время.", conflict(12)))
                .expectNoEvents();
        assertThat(holds.held(SERVICE, placed.rentalPeriod().start(), placed.rentalPeriod().end()))
                .as("a refused move keeps the old hours").hasSize(4);

        fixture().given(placed).when(sentBy(MANAGER, move(monday(10, 12))))
                .expectEvents(moved(placed.rentalPeriod(), monday(10, 12), MANAGER, 2, 400, 0, 0, 0, List.of(),
                        com.orderdesk.shared.order.PaymentStatus.UNPAID));
        assertThat(holds.held(SERVICE, placed.rentalPeriod().start(), placed.rentalPeriod().end())).as("the old hours are free").isEmpty();
        assertThat(held()).containsEntry(hour(10), 1).containsEntry(hour(11), 1).containsEntry(hour(12), 2);
    }

    @Test
    void aMoveOverlappingItsOwnHoursFitsWhereTheOnlyFreePlaceIsItsOwn() {
        OrderPlaced placed = deskOrderHolding();
        RentalPeriod sunday = placed.rentalPeriod(); // 16:00–20:00
        Instant five = sunday.start().plusSeconds(3600);
        // someone else fills 17:00–21:00's other place
        holds.take(catalog.services().get(0), "other", new RentalPeriod(five, sunday.end().plusSeconds(3600)));
        RentalPeriod later = new RentalPeriod(five, sunday.end());
        fixture().given(placed).when(sentBy(MANAGER, move(later)))
                .expectSuccessfulHandlerExecution();
        assertThat(holds.held(SERVICE, sunday.start(), sunday.end().plusSeconds(3600)))
                .as("16:00 given up, 17:00–19:00 full with its own place kept").doesNotContainKey(sunday.start())
                .containsEntry(five, 2).containsEntry(sunday.end(), 1);
    }

    @Test
    void aCheaperPeriodOwesBackWhatWasPaidBeyondItGatewayMoneyThroughTheGatewayTheRestAtTheDesk() {
        OrderPlaced online = OrderFixtures.placedOnline(NOW); // 400 ₽, 100 ₽ prepaid online, then 300 ₽ at the desk
        holds.take(catalog.services().get(0), OrderFixtures.ORDER_ID, online.rentalPeriod());
        var paidOnline = new com.orderdesk.shared.order.event.GatewayPaymentRecorded(OrderFixtures.ORDER_ID, "g1", rub(100),
                com.orderdesk.shared.order.PaymentMethod.BANK_CARD, OrderFixtures.GATEWAY, NOW, rub(100), rub(300), R0,
                com.orderdesk.shared.order.PaymentStatus.PARTIALLY_PAID, R0);
        var confirmed = new com.orderdesk.shared.order.event.OrderConfirmed(OrderFixtures.ORDER_ID, OrderFixtures.GATEWAY, NOW);
        var paidAtDesk = new com.orderdesk.shared.order.event.ManagerPaymentRecorded(OrderFixtures.ORDER_ID, "d1", rub(300),
                com.orderdesk.shared.order.PaymentMethod.CASH, null, MANAGER, NOW, rub(400), R0, com.orderdesk.shared.order.PaymentStatus.PAID);

        fixture().given(online, paidOnline, confirmed, paidAtDesk).when(sentBy(MANAGER, move(monday(10, 11))))
                .expectEvents(moved(online.rentalPeriod(), monday(10, 11), MANAGER, 1, 400, 100, 300, 200,
                        List.of(new com.orderdesk.shared.order.GatewayRefundDue("g1", rub(100))),
                        com.orderdesk.shared.order.PaymentStatus.REFUND_PENDING));

        // dearer: the remainder grows by the difference
        fixture().given(online, paidOnline, confirmed, paidAtDesk).when(sentBy(MANAGER, move(monday(10, 16))))
                .expectEvents(moved(online.rentalPeriod(), monday(10, 16), MANAGER, 6, 400, 400, 0, 0, List.of(),
                        com.orderdesk.shared.order.PaymentStatus.PARTIALLY_PAID));
        // the guest moves it as it is — four hours elsewhere — and neither longer nor shorter: money that changes goes
        // by the rules a manager applies (the refund percentage, the tariff's prepayment)
        fixture().given(online, paidOnline, confirmed, paidAtDesk).when(sentBy(GUEST, move(monday(12, 16))))
                .expectEvents(moved(online.rentalPeriod(), monday(12, 16), GUEST, 4, 400, 400, 0, 0, List.of(),
                        com.orderdesk.shared.order.PaymentStatus.PAID));
        for (RentalPeriod other : List.of(monday(10, 16), monday(10, 11))) {
            fixture().given(online, paidOnline, confirmed, paidAtDesk).when(sentBy(GUEST, move(other)))
                    .expectException(invalid("rentalPeriod", "Самостоятельно бронирование переносится на то же число часов — по той же цене"))
                    .expectNoEvents();
        }
    }

    @Test
    void whoMayMoveWhatAndWhen() {
        OrderPlaced online = OrderFixtures.placedOnline(NOW);
        fixture().given(online).when(sentBy(GUEST, move(monday(10, 12))))
                .expectException(OrderFixtures.rejectedWith(ErrorCode.ORDER_NOT_CONFIRMED, "Перенести можно подтверждённый заказ"))
                .expectNoEvents();
        OrderPlaced desk = deskOrderHolding();
        fixture().given(desk).when(sentBy(MANAGER, move(desk.rentalPeriod())))
                .expectException(invalid("rentalPeriod", "Заказ уже на это время.")).expectNoEvents();
        fixture().given(desk, new com.orderdesk.shared.order.event.OrderCancelled(OrderFixtures.ORDER_ID, "Отмена", MANAGER, NOW, R0, R0,
                        List.of(), com.orderdesk.shared.order.PaymentStatus.UNPAID, R0))
                .when(sentBy(MANAGER, move(monday(10, 12))))
                .expectException(OrderFixtures.rejectedWith(ErrorCode.ORDER_FINAL, "Нельзя перенести заказ: заказ отменён.")).expectNoEvents();

        // the guest's own confirmed order: until two hours before its start, then only staff
        OrderPlaced guests = new OrderPlaced(desk.orderId(), desk.number(), NOW, GUEST, "guest", desk.service(), desk.tariff(), desk.lines(),
                desk.rentalPeriod(), null, VISITOR, APPLICANT, PaymentPlan.FULL, desk.total(), R0, desk.minimumRemainder(), desk.dueDate(),
                OrderStatus.CONFIRMED, com.orderdesk.shared.order.PaymentStatus.UNPAID);
        Instant cutoff = desk.rentalPeriod().start().minusSeconds(2 * 3600);
        fixture().given(guests).andGivenCurrentTime(cutoff).when(sentBy(GUEST, move(monday(10, 12))))
                .expectException(OrderFixtures.rejectedWith(ErrorCode.CANCELLATION_WINDOW_CLOSED,
                        "Перенести бронирование самостоятельно можно было до 11 августа 2030 г., 14:00."))
                .expectNoEvents();
        fixture().given(guests).andGivenCurrentTime(cutoff).when(sentBy(MANAGER, move(monday(10, 12)))).expectSuccessfulHandlerExecution();
        fixture().given(guests).andGivenCurrentTime(cutoff.minusSeconds(1)).when(sentBy(GUEST, move(monday(10, 14))))
                .expectSuccessfulHandlerExecution();
        fixture().given(guests).when(sentBy(com.orderdesk.command.order.OrderFixtures.GUEST_2, move(monday(10, 12))))
                .expectException(OrderFixtures.rejectedWith(ErrorCode.NOT_FOUND, "Заказ не найден.")).expectNoEvents();
    }
}

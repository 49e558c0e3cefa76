package com.orderdesk.command.order;

import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.command.catalog.TestCatalogs;
import com.orderdesk.command.space.InMemoryHoldTable;
import com.orderdesk.command.space.SpaceHolds;
import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.order.CheckInMethod;
import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.PaymentPlan;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.order.RentalDeadline;
import com.orderdesk.shared.order.command.CancelOrder;
import com.orderdesk.shared.order.command.CheckInGuest;
import com.orderdesk.shared.order.command.CheckOutGuest;
import com.orderdesk.shared.order.command.CompleteOrder;
import com.orderdesk.shared.order.command.MarkNoShow;
import com.orderdesk.shared.order.command.PassRentalDeadline;
import com.orderdesk.shared.order.command.PlaceOrder;
import com.orderdesk.shared.order.command.RescheduleOrder;
import com.orderdesk.shared.order.event.GuestCheckedIn;
import com.orderdesk.shared.order.event.GuestCheckedOut;
import com.orderdesk.shared.order.event.ManagerPaymentRecorded;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.order.event.OrderCompleted;
import com.orderdesk.shared.order.event.OrderMarkedNoShow;
import com.orderdesk.shared.order.event.OrderPlaced;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.RentalPeriod;
import com.orderdesk.shared.value.Role;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.orderdesk.command.order.OrderFixtures.FOUR_HOURS;
import static com.orderdesk.command.order.OrderFixtures.GUEST;
import static com.orderdesk.command.order.OrderFixtures.MANAGER;
import static com.orderdesk.command.order.OrderFixtures.ORDER_ID;
import static com.orderdesk.command.order.OrderFixtures.placedAtDesk;
import static com.orderdesk.command.order.OrderFixtures.placedOnline;
import static com.orderdesk.command.order.OrderFixtures.rejectedWith;
import static com.orderdesk.shared.audit.Attribution.sentBy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guest at the reception (issue 30, docs/adr/022): check-in on the rental's day only, for the right service, once,
 * on a paid, live order; check-out; the no-show by hand and on its own; the order completing on its own; the deadlines
 * the order sets when placed and moved, and a deadline for an old period doing nothing.
 */
class OrderAttendanceTest {
    /** The rental: 16:00–20:00 in Perm (UTC+5) on 11 August 2030; check-in opens at 15:30. */
    private static final Instant START = FOUR_HOURS.start();
    private static final Instant END = FOUR_HOURS.end();
    private static final Instant PLACED = Instant.parse("2030-08-01T08:32:00Z");
    private static final Actor DEADLINE = Actor.system(Channel.DEADLINE);
    private static final Actor OTHER_SERVICE = new Actor("manager2", "Анна Кузнецова", Role.RENTAL_MANAGER, Channel.DESK);
    private static final GuestCheckedIn CHECKED_IN = new GuestCheckedIn(ORDER_ID, CheckInMethod.PASS, MANAGER, START.minusSeconds(600));

    private final InMemoryHoldTable holds = new InMemoryHoldTable();
    private final RecordedRentalDeadlines deadlines = new RecordedRentalDeadlines();
    private Catalog catalog;
    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        catalog = TestCatalogs.coworking().capacity(2)
                .tariffs(TestCatalogs.tariff(OrderFixtures.TARIFF, "Стандарт", "100.00", true, 25, null))
                .attendance(Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ofHours(1)).catalog();
        fixture = OrderFixtures.fixture(catalog, PLACED, holds, deadlines);
    }

    /** 400 ₽ taken at the desk: the order is paid in full. */
    private static ManagerPaymentRecorded paidInFull() {
        return new ManagerPaymentRecorded(ORDER_ID, "desk-1", Money.ofRubles(400), PaymentMethod.CASH, null, MANAGER, PLACED,
                Money.ofRubles(400), Money.ZERO, PaymentStatus.PAID);
    }

    private static CheckInGuest checkIn(CheckInMethod method) {
        return new CheckInGuest(ORDER_ID, method, null);
    }

    @Nested
    class CheckIn {
        @Test
        void aPaidConfirmedOrderChecksInOnItsDayFromHalfAnHourBeforeItsStart() {
            Instant at = START.minus(Duration.ofMinutes(30));
            fixture.given(placedAtDesk(4, PLACED), paidInFull()).andGivenCurrentTime(at)
                    .when(sentBy(MANAGER, checkIn(CheckInMethod.PASS)))
                    .expectEvents(new GuestCheckedIn(ORDER_ID, CheckInMethod.PASS, MANAGER, at))
                    .expectResultMessagePayload(new CheckInGuest.CheckedIn(2, at, false));
        }

        @Test
        void untilTheRentalEnds() {
            Instant at = END.minusSeconds(1);
            fixture.given(placedAtDesk(4, PLACED), paidInFull()).andGivenCurrentTime(at)
                    .when(sentBy(MANAGER, checkIn(CheckInMethod.NUMBER)))
                    .expectEvents(new GuestCheckedIn(ORDER_ID, CheckInMethod.NUMBER, MANAGER, at));
        }

        @Test
        void aSecondCheckInChangesNothingAndSaysWhenTheFirstWas() {
            fixture.given(placedAtDesk(4, PLACED), paidInFull(), CHECKED_IN).andGivenCurrentTime(START.plusSeconds(60))
                    .when(sentBy(MANAGER, checkIn(CheckInMethod.NUMBER)))
                    .expectNoEvents()
                    .expectResultMessagePayload(new CheckInGuest.CheckedIn(2, CHECKED_IN.at(), true));
        }

        @Test
        void notOnAnotherDay() {
            fixture.given(placedAtDesk(4, PLACED), paidInFull()).andGivenCurrentTime(START.minus(Duration.ofDays(1)))
                    .when(sentBy(MANAGER, checkIn(CheckInMethod.PASS)))
                    .expectException(rejectedWith(ErrorCode.CHECK_IN_WRONG_DAY, "Другой день: Бронь на 11 августа, 16:00–20:00."))
                    .expectNoEvents();
        }

        @Test
        void notEarlierThanTheServiceLetsIn() {
            fixture.given(placedAtDesk(4, PLACED), paidInFull()).andGivenCurrentTime(START.minus(Duration.ofMinutes(31)))
                    .when(sentBy(MANAGER, checkIn(CheckInMethod.PASS)))
                    .expectException(rejectedWith(ErrorCode.CHECK_IN_WRONG_DAY, "Рано: вход с 15:30."))
                    .expectNoEvents();
        }

        @Test
        void notOnceTheRentalIsOver() {
            fixture.given(placedAtDesk(4, PLACED), paidInFull()).andGivenCurrentTime(END)
                    .when(sentBy(MANAGER, checkIn(CheckInMethod.PASS)))
                    .expectException(rejectedWith(ErrorCode.CHECK_IN_WRONG_DAY, "Время брони прошло"))
                    .expectNoEvents();
        }

        @Test
        void notWhileMoneyIsOwedAndSaysHowMuch() {
            fixture.given(placedAtDesk(4, PLACED)).andGivenCurrentTime(START)
                    .when(sentBy(MANAGER, checkIn(CheckInMethod.PASS)))
                    .expectException(rejectedWith(ErrorCode.ORDER_NOT_PAID, "к оплате 400,00\u00a0₽"))
                    .expectNoEvents();
        }

        @Test
        void notOnACancelledOrder() {
            fixture.given(placedAtDesk(4, PLACED), new OrderCancelled(ORDER_ID, "Передумал", MANAGER, PLACED, Money.ZERO, Money.ZERO,
                            List.of(), PaymentStatus.UNPAID, Money.ZERO)).andGivenCurrentTime(START)
                    .when(sentBy(MANAGER, checkIn(CheckInMethod.PASS)))
                    .expectException(rejectedWith(ErrorCode.ORDER_FINAL, "заказ отменён")).expectNoEvents();
        }

        @Test
        void notOnACompletedOrder() {
            fixture.given(placedAtDesk(4, PLACED), paidInFull(), new OrderCompleted(ORDER_ID, MANAGER, START)).andGivenCurrentTime(START)
                    .when(sentBy(MANAGER, checkIn(CheckInMethod.PASS)))
                    .expectException(rejectedWith(ErrorCode.ORDER_FINAL, "заказ выполнен")).expectNoEvents();
        }

        @Test
        void notOnAnOrderAwaitingItsPayment() {
            fixture.given(placedOnline(PLACED)).andGivenCurrentTime(START)
                    .when(sentBy(MANAGER, checkIn(CheckInMethod.PASS)))
                    .expectException(rejectedWith(ErrorCode.ORDER_NOT_CONFIRMED, "ожидает оплаты")).expectNoEvents();
        }

        @Test
        void notOnceTheGuestWasMarkedAsNotCome() {
            fixture.given(placedAtDesk(4, PLACED), paidInFull(), new OrderMarkedNoShow(ORDER_ID, DEADLINE, START.plusSeconds(1800)))
                    .andGivenCurrentTime(START.plusSeconds(2400))
                    .when(sentBy(MANAGER, checkIn(CheckInMethod.PASS)))
                    .expectException(rejectedWith(ErrorCode.ORDER_NO_SHOW, "места освобождены")).expectNoEvents();
        }

        @Test
        void staffOfAnotherServiceDoNotFindTheOrder() {
            fixture.given(placedAtDesk(4, PLACED), paidInFull()).andGivenCurrentTime(START)
                    .when(sentBy(OTHER_SERVICE, checkIn(CheckInMethod.NUMBER)))
                    .expectException(rejectedWith(ErrorCode.NOT_FOUND, "Заказ не найден")).expectNoEvents();
        }

        @Test
        void aGuestCannotCheckThemselvesIn() {
            OrderPlaced online = placedOnline(PLACED);
            fixture.given(online, new ManagerPaymentRecorded(ORDER_ID, "desk-1", Money.ofRubles(400), PaymentMethod.CASH, null, MANAGER,
                            PLACED, Money.ofRubles(400), Money.ZERO, PaymentStatus.PAID), new com.orderdesk.shared.order.event.OrderConfirmed(ORDER_ID, MANAGER, PLACED))
                    .andGivenCurrentTime(START)
                    .when(sentBy(GUEST, checkIn(CheckInMethod.PASS)))
                    .expectException(rejectedWith(ErrorCode.FORBIDDEN, "сотрудники на ресепшене")).expectNoEvents();
        }

        @Test
        void aMethodIsRequired() {
            fixture.given(placedAtDesk(4, PLACED), paidInFull()).andGivenCurrentTime(START)
                    .when(sentBy(MANAGER, checkIn(null)))
                    .expectException(OrderFixtures.invalid("method", "способ отметки")).expectNoEvents();
        }
    }

    @Nested
    class CheckOut {
        @Test
        void aCheckedInGuestChecksOutOnce() {
            Instant at = END.minusSeconds(60);
            fixture.given(placedAtDesk(4, PLACED), paidInFull(), CHECKED_IN).andGivenCurrentTime(at)
                    .when(sentBy(MANAGER, new CheckOutGuest(ORDER_ID, null)))
                    .expectEvents(new GuestCheckedOut(ORDER_ID, MANAGER, at));
            fixture.given(placedAtDesk(4, PLACED), paidInFull(), CHECKED_IN, new GuestCheckedOut(ORDER_ID, MANAGER, at))
                    .andGivenCurrentTime(at.plusSeconds(60))
                    .when(sentBy(MANAGER, new CheckOutGuest(ORDER_ID, null))).expectNoEvents();
        }

        @Test
        void notWithoutACheckIn() {
            fixture.given(placedAtDesk(4, PLACED), paidInFull()).andGivenCurrentTime(START)
                    .when(sentBy(MANAGER, new CheckOutGuest(ORDER_ID, null)))
                    .expectException(rejectedWith(ErrorCode.CHECK_IN_STATE, "Гость не отмечался")).expectNoEvents();
        }
    }

    @Nested
    class NoShowByHand {
        @Test
        void onceTheRentalStartedTheGuestWhoDidNotComeIsMarkedAndThePlacesFreed() {
            SpaceHolds space = new SpaceHolds(holds);
            space.take(catalog.services().get(0), ORDER_ID, FOUR_HOURS);
            Instant at = START.plusSeconds(60);
            fixture.given(placedAtDesk(4, PLACED), paidInFull()).andGivenCurrentTime(at)
                    .when(sentBy(MANAGER, new MarkNoShow(ORDER_ID, null)))
                    .expectEvents(new OrderMarkedNoShow(ORDER_ID, MANAGER, at));
            assertThat(holds.holdsAny(ORDER_ID)).as("the no-show's hours are free").isFalse();
        }

        @Test
        void notBeforeTheRentalStarts() {
            fixture.given(placedAtDesk(4, PLACED), paidInFull()).andGivenCurrentTime(START.minusSeconds(60))
                    .when(sentBy(MANAGER, new MarkNoShow(ORDER_ID, null)))
                    .expectException(rejectedWith(ErrorCode.RENTAL_NOT_STARTED, "неявку отмечают после 16:00, 11 августа"))
                    .expectNoEvents();
        }

        @Test
        void notForAGuestWhoCheckedIn() {
            fixture.given(placedAtDesk(4, PLACED), paidInFull(), CHECKED_IN).andGivenCurrentTime(START.plusSeconds(3600))
                    .when(sentBy(MANAGER, new MarkNoShow(ORDER_ID, null)))
                    .expectException(rejectedWith(ErrorCode.CHECK_IN_STATE, "Гость уже пришёл: отметился в 15:50"))
                    .expectNoEvents();
        }

        @Test
        void aNoShowMayStillBeCancelledWithARefund() {
            Instant at = START.plusSeconds(7200);
            fixture.given(placedAtDesk(4, PLACED), paidInFull(), new OrderMarkedNoShow(ORDER_ID, DEADLINE, START.plusSeconds(1800)))
                    .andGivenCurrentTime(at)
                    .when(sentBy(MANAGER, new CancelOrder(ORDER_ID, "Гость заболел", null, Money.ofRubles(200))))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                            org.axonframework.test.matchers.Matchers.messageWithPayload(org.hamcrest.Matchers.instanceOf(OrderCancelled.class)),
                            org.axonframework.test.matchers.Matchers.andNoMore()));
        }

        @Test
        void aNoShowIsNotCompleted() {
            fixture.given(placedAtDesk(4, PLACED), paidInFull(), new OrderMarkedNoShow(ORDER_ID, DEADLINE, START.plusSeconds(1800)))
                    .andGivenCurrentTime(END.plusSeconds(60))
                    .when(sentBy(MANAGER, new CompleteOrder(ORDER_ID, null)))
                    .expectException(rejectedWith(ErrorCode.ORDER_NOT_CONFIRMED, "только подтверждённый")).expectNoEvents();
        }
    }

    @Nested
    class Deadlines {
        @Test
        void placingSetsTheNoShowAndCompletionDeadlinesTheServiceAsksFor() {
            fixture.givenNoPriorActivity().andGivenCurrentTime(PLACED)
                    .when(sentBy(MANAGER, new PlaceOrder(ORDER_ID, OrderFixtures.SERVICE, OrderFixtures.TARIFF, FOUR_HOURS, "207",
                            OrderFixtures.VISITOR, OrderFixtures.APPLICANT, PaymentPlan.FULL, null)))
                    .expectSuccessfulHandlerExecution();
            assertThat(deadlines.scheduled()).containsExactly(
                    new RecordedRentalDeadlines.Scheduled(ORDER_ID, RentalDeadline.NO_SHOW, FOUR_HOURS, START.plus(Duration.ofMinutes(30))),
                    new RecordedRentalDeadlines.Scheduled(ORDER_ID, RentalDeadline.COMPLETION, FOUR_HOURS, END.plus(Duration.ofHours(1))));
        }

        @Test
        void aServiceWithoutThemSetsNone() {
            RecordedRentalDeadlines none = new RecordedRentalDeadlines();
            OrderFixtures.fixture(OrderFixtures.demoCatalog(), PLACED, new InMemoryHoldTable(), none)
                    .givenNoPriorActivity().andGivenCurrentTime(PLACED)
                    .when(sentBy(MANAGER, new PlaceOrder(ORDER_ID, OrderFixtures.SERVICE, OrderFixtures.TARIFF, FOUR_HOURS, "207",
                            OrderFixtures.VISITOR, OrderFixtures.APPLICANT, PaymentPlan.FULL, null)))
                    .expectSuccessfulHandlerExecution();
            assertThat(none.scheduled()).isEmpty();
        }

        @Test
        void movingSetsThemForTheNewPeriod() {
            RentalPeriod next = new RentalPeriod(START.plus(Duration.ofDays(1)), END.plus(Duration.ofDays(1)));
            fixture.given(placedAtDesk(4, PLACED), paidInFull()).andGivenCurrentTime(PLACED)
                    .when(sentBy(MANAGER, new RescheduleOrder(ORDER_ID, next, null, null)))
                    .expectSuccessfulHandlerExecution();
            assertThat(deadlines.scheduled()).containsExactly(
                    new RecordedRentalDeadlines.Scheduled(ORDER_ID, RentalDeadline.NO_SHOW, next, next.start().plus(Duration.ofMinutes(30))),
                    new RecordedRentalDeadlines.Scheduled(ORDER_ID, RentalDeadline.COMPLETION, next, next.end().plus(Duration.ofHours(1))));
        }

        @Test
        void theNoShowDeadlineMarksAGuestWhoDidNotComeAsTheSystem() {
            Instant at = START.plus(Duration.ofMinutes(30));
            fixture.given(placedAtDesk(4, PLACED), paidInFull()).andGivenCurrentTime(at)
                    .when(new PassRentalDeadline(ORDER_ID, RentalDeadline.NO_SHOW, FOUR_HOURS))
                    .expectEvents(new OrderMarkedNoShow(ORDER_ID, DEADLINE, at));
        }

        @Test
        void theNoShowDeadlineLeavesAGuestWhoCame() {
            fixture.given(placedAtDesk(4, PLACED), paidInFull(), CHECKED_IN).andGivenCurrentTime(START.plus(Duration.ofMinutes(30)))
                    .when(new PassRentalDeadline(ORDER_ID, RentalDeadline.NO_SHOW, FOUR_HOURS)).expectNoEvents();
        }

        @Test
        void aDeadlineForAPeriodTheOrderNoLongerHasDoesNothing() {
            RentalPeriod old = new RentalPeriod(START.minus(Duration.ofDays(1)), END.minus(Duration.ofDays(1)));
            fixture.given(placedAtDesk(4, PLACED), paidInFull()).andGivenCurrentTime(END.plus(Duration.ofHours(2)))
                    .when(new PassRentalDeadline(ORDER_ID, RentalDeadline.NO_SHOW, old)).expectNoEvents();
            fixture.given(placedAtDesk(4, PLACED), paidInFull()).andGivenCurrentTime(END.plus(Duration.ofHours(2)))
                    .when(new PassRentalDeadline(ORDER_ID, RentalDeadline.COMPLETION, old)).expectNoEvents();
        }

        @Test
        void aDeadlineOfACancelledOrderDoesNothing() {
            fixture.given(placedAtDesk(4, PLACED), new OrderCancelled(ORDER_ID, "Передумал", MANAGER, PLACED, Money.ZERO, Money.ZERO,
                            List.of(), PaymentStatus.UNPAID, Money.ZERO)).andGivenCurrentTime(END.plus(Duration.ofHours(2)))
                    .when(new PassRentalDeadline(ORDER_ID, RentalDeadline.NO_SHOW, FOUR_HOURS)).expectNoEvents();
        }

        @Test
        void theCompletionDeadlineCompletesAPaidOrderAsTheSystem() {
            Instant at = END.plus(Duration.ofHours(1));
            fixture.given(placedAtDesk(4, PLACED), paidInFull(), CHECKED_IN).andGivenCurrentTime(at)
                    .when(new PassRentalDeadline(ORDER_ID, RentalDeadline.COMPLETION, FOUR_HOURS))
                    .expectEvents(new OrderCompleted(ORDER_ID, DEADLINE, at));
        }

        @Test
        void theCompletionDeadlineLeavesAnOrderWithMoneyOwedToStaff() {
            fixture.given(placedAtDesk(4, PLACED), CHECKED_IN).andGivenCurrentTime(END.plus(Duration.ofHours(1)))
                    .when(new PassRentalDeadline(ORDER_ID, RentalDeadline.COMPLETION, FOUR_HOURS)).expectNoEvents();
        }

        @Test
        void theCompletionDeadlineLeavesANoShow() {
            fixture.given(placedAtDesk(4, PLACED), paidInFull(), new OrderMarkedNoShow(ORDER_ID, DEADLINE, START.plusSeconds(1800)))
                    .andGivenCurrentTime(END.plus(Duration.ofHours(1)))
                    .when(new PassRentalDeadline(ORDER_ID, RentalDeadline.COMPLETION, FOUR_HOURS)).expectNoEvents();
        }
    }
}

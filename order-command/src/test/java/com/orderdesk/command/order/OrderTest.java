package com.orderdesk.command.order;

import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.order.GatewayRefundDue;
import com.orderdesk.shared.order.OrderLine;
import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.PaymentPlan;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.order.Visibility;
import com.orderdesk.shared.order.command.AssignExecutor;
import com.orderdesk.shared.order.command.CancelOrder;
import com.orderdesk.shared.order.command.CompleteOrder;
import com.orderdesk.shared.order.command.PlaceOrder;
import com.orderdesk.shared.order.command.PostMessage;
import com.orderdesk.shared.order.command.RecordDeskRefund;
import com.orderdesk.shared.order.command.RecordGatewayPayment;
import com.orderdesk.shared.order.command.RecordManagerPayment;
import com.orderdesk.shared.order.command.RequestOnlinePayment;
import com.orderdesk.shared.order.command.RecordGatewayPaymentAuthorized;
import com.orderdesk.shared.order.command.RecordGatewayRefund;
import com.orderdesk.shared.order.command.ExpireOnlinePayment;
import com.orderdesk.shared.order.event.GatewayPaymentAuthorized;
import com.orderdesk.shared.order.event.GatewayRefundRecorded;
import com.orderdesk.shared.order.command.UnassignExecutor;
import com.orderdesk.shared.order.event.DeskRefundRecorded;
import com.orderdesk.shared.order.event.ExecutorAssigned;
import com.orderdesk.shared.order.event.ExecutorUnassigned;
import com.orderdesk.shared.order.event.GatewayPaymentRecorded;
import com.orderdesk.shared.order.event.ManagerPaymentRecorded;
import com.orderdesk.shared.order.event.MessagePosted;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.order.event.OrderCompleted;
import com.orderdesk.shared.order.event.OrderConfirmed;
import com.orderdesk.shared.order.event.OnlinePaymentRequested;
import com.orderdesk.shared.order.event.GatewayPaymentCreated;
import com.orderdesk.shared.order.event.OrderPlaced;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.RentalPeriod;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.orderdesk.command.order.OrderFixtures.APPLICANT;
import static com.orderdesk.command.order.OrderFixtures.FOUR_HOURS;
import static com.orderdesk.command.order.OrderFixtures.GATEWAY;
import static com.orderdesk.command.order.OrderFixtures.GUEST;
import static com.orderdesk.command.order.OrderFixtures.MANAGER;
import static com.orderdesk.command.order.OrderFixtures.ORDER_ID;
import static com.orderdesk.command.order.OrderFixtures.SERVICE;
import static com.orderdesk.command.order.OrderFixtures.TARIFF;
import static com.orderdesk.command.order.OrderFixtures.VISITOR;
import static com.orderdesk.command.order.OrderFixtures.invalid;
import static com.orderdesk.command.order.OrderFixtures.rejectedWith;
import static com.orderdesk.command.order.OrderFixtures.placedAtDesk;
import static com.orderdesk.command.order.OrderFixtures.placedOnline;
import static org.assertj.core.api.Assertions.assertThat;
import static com.orderdesk.shared.audit.Attribution.sentBy;

/** The rules of SPEC.md §3–4, one test each, as given events → command → expected events or refusal. */
class OrderTest {
    private static final Instant NOW = Instant.parse("2030-08-01T08:32:00Z");
    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = OrderFixtures.fixture(OrderFixtures.demoCatalog(), NOW);
    }

    private static Money rub(long rubles) {
        return Money.ofRubles(rubles);
    }

    private static Money kop(long kopecks) {
        return Money.ofMinor(kopecks);
    }

    private static CommandMessage<?> pay(String id, Money amount) {
        return sentBy(MANAGER, new RecordManagerPayment(ORDER_ID, id, amount, PaymentMethod.CASH, null, null));
    }

    private static ManagerPaymentRecorded paid(String id, Money amount, Money paidAfter, Money remainderAfter, PaymentStatus status) {
        return new ManagerPaymentRecorded(ORDER_ID, id, amount, PaymentMethod.CASH, null, MANAGER, NOW, paidAfter, remainderAfter, status);
    }

    private static CommandMessage<?> place(PaymentPlan plan, String tariff, RentalPeriod period, com.orderdesk.shared.value.Actor by) {
        return sentBy(by, new PlaceOrder(ORDER_ID, SERVICE, tariff, period, "207", VISITOR, APPLICANT, plan, null));
    }

    @Nested
    class PlaceOrderRules {
        @Test
        void deskOrderIsPricedByTheServerAndConfirmedAtOnce() {
            fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                    .when(place(PaymentPlan.FULL, TARIFF, FOUR_HOURS, MANAGER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OrderPlaced(ORDER_ID, com.orderdesk.shared.value.OrderNumber.of(1_006_313), NOW, MANAGER,
                            null, OrderFixtures.SERVICE_REF, OrderFixtures.TARIFF_REF,
                            List.of(new OrderLine("Коворкинг на 2 этаже, тариф «Стандарт»", 4, rub(100), rub(400))),
                            FOUR_HOURS, "207", VISITOR, APPLICANT, PaymentPlan.FULL, rub(400), Money.ZERO, rub(50),
                            java.time.LocalDate.of(2030, 8, 11), OrderStatus.CONFIRMED, PaymentStatus.UNPAID));
        }

        @Test
        void onlineOrderWithSomethingToPayWaitsForItsPrepaymentOfTwentyFivePercent() {
            fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                    .when(place(PaymentPlan.PARTIAL, TARIFF, FOUR_HOURS, GUEST))
                    .expectEvents(placedOnline(NOW), new OnlinePaymentRequested(ORDER_ID, "1006313", ORDER_ID + ":prepayment",
                            rub(100), "Заказ 1006313: предоплата", true, GUEST, NOW));
        }

        @Test
        void onlineOrderOnTheFullPlanWaitsForTheWholeTotal() {
            fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                    .when(place(PaymentPlan.FULL, TARIFF, FOUR_HOURS, GUEST))
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                            org.axonframework.test.matchers.Matchers.messageWithPayload(new TypeSafeMatcher<OrderPlaced>() {
                                @Override
                                protected boolean matchesSafely(OrderPlaced e) {
                                    return e.status() == OrderStatus.AWAITING_PAYMENT && e.prepaymentDue().equals(rub(400))
                                            && "guest".equals(e.guestId());
                                }

                                @Override
                                public void describeTo(Description d) {
                                    d.appendText("awaiting 400 ₽, owned by the guest");
                                }
                            }), org.axonframework.test.matchers.Matchers.messageWithPayload(
                                    org.hamcrest.Matchers.equalTo(new OnlinePaymentRequested(ORDER_ID, "1006313",
                                            ORDER_ID + ":prepayment", rub(400), "Заказ 1006313: оплата", true, GUEST, NOW))),
                            org.axonframework.test.matchers.Matchers.andNoMore()));
        }

        @Test
        void prepaymentBecomesTheWholeTotalWhenTheRestWouldBeBelowTheMinimum() {
            // 1 h × 40 ₽: 25 % is 10 ₽ and would leave 30 ₽ < 50 ₽
            RentalPeriod oneHour = new RentalPeriod(FOUR_HOURS.start(), FOUR_HOURS.start().plusSeconds(3600));
            fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                    .when(place(PaymentPlan.PARTIAL, "cheap", oneHour, GUEST))
                    .expectSuccessfulHandlerExecution();
            assertThat(lastPlaced().prepaymentDue()).isEqualTo(rub(40));
        }

        @Test
        void bookingsAreWholeHoursAndAnImportsStartedHourIsBilledWhole() {
            RentalPeriod ninetyMinutes = new RentalPeriod(FOUR_HOURS.start(), FOUR_HOURS.start().plusSeconds(90 * 60));
            fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                    .when(place(PaymentPlan.FULL, TARIFF, ninetyMinutes, MANAGER))
                    .expectException(invalid("rentalPeriod", "Аренда — целыми часами: начало и конец в начале часа (время местное), например 16:00–17:00."))
                    .expectNoEvents();
            RentalPeriod halfPast = new RentalPeriod(FOUR_HOURS.start().plusSeconds(30 * 60), FOUR_HOURS.end());
            fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                    .when(place(PaymentPlan.FULL, TARIFF, halfPast, GUEST))
                    .expectException(invalid("rentalPeriod", "Аренда — целыми часами")).expectNoEvents();
            // an import (the system) records what was: a rental of an hour and a half is two started hours
            fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                    .when(place(PaymentPlan.FULL, TARIFF, ninetyMinutes, com.orderdesk.shared.value.Actor.system(com.orderdesk.shared.value.Channel.SYSTEM)))
                    .expectSuccessfulHandlerExecution();
            assertThat(lastPlaced().lines().get(0).quantity()).isEqualTo(2);
            assertThat(lastPlaced().total()).isEqualTo(rub(200));
        }

        @Test
        void partialPaymentIsRefusedWhenTheTariffDoesNotAllowIt() {
            fixture.givenNoPriorActivity().when(place(PaymentPlan.PARTIAL, "full-only", FOUR_HOURS, MANAGER))
                    .expectException(invalid("paymentPlan", "Частичная оплата для этого тарифа недоступна")).expectNoEvents();
        }

        @Test
        void unknownServiceOrTariffIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(sentBy(MANAGER, new PlaceOrder(ORDER_ID, "sauna", TARIFF, FOUR_HOURS, null, VISITOR, APPLICANT, PaymentPlan.FULL, null)))
                    .expectException(invalid("serviceId", "Неизвестная услуга: sauna")).expectNoEvents();
            fixture.givenNoPriorActivity().when(place(PaymentPlan.FULL, "vip", FOUR_HOURS, MANAGER))
                    .expectException(invalid("tariffId", "Неизвестный тариф: vip")).expectNoEvents();
        }

        @Test
        void missingPeriodVisitorOrPlanIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(sentBy(MANAGER, new PlaceOrder(ORDER_ID, SERVICE, TARIFF, null, null, VISITOR, APPLICANT, PaymentPlan.FULL, null)))
                    .expectException(invalid("rentalPeriod", "Не указано: период аренды")).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(sentBy(MANAGER, new PlaceOrder(ORDER_ID, SERVICE, TARIFF, FOUR_HOURS, null, null, APPLICANT, PaymentPlan.FULL, null)))
                    .expectException(invalid("visitor", "Не указано: посетитель")).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(sentBy(MANAGER, new PlaceOrder(ORDER_ID, SERVICE, TARIFF, FOUR_HOURS, null, VISITOR, APPLICANT, null, null)))
                    .expectException(invalid("paymentPlan", "Не указано: способ оплаты")).expectNoEvents();
        }

        @Test
        void anOrderNobodyPlacesIsRefused() {
            // the actor comes from the command's metadata only; a command without one names nobody
            fixture.givenNoPriorActivity()
                    .when(new PlaceOrder(ORDER_ID, SERVICE, TARIFF, FOUR_HOURS, null, VISITOR, APPLICANT, PaymentPlan.FULL, null))
                    .expectException(invalid("placedBy", "Не указано: кто оформляет заказ")).expectNoEvents();
        }

        @Test
        void tooLongTicketNumberIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(sentBy(MANAGER, new PlaceOrder(ORDER_ID, SERVICE, TARIFF, FOUR_HOURS, "7".repeat(Order.MAX_TICKET + 1), VISITOR, APPLICANT,
                            PaymentPlan.FULL, null)))
                    .expectException(invalid("ticketNumber", "не более 32 символов")).expectNoEvents();
        }

        @Test
        void onlineOrderForAPeriodAlreadyOverIsRefused() {
            fixture.givenNoPriorActivity().andGivenCurrentTime(FOUR_HOURS.end().plusSeconds(1))
                    .when(place(PaymentPlan.FULL, TARIFF, FOUR_HOURS, GUEST))
                    .expectException(invalid("rentalPeriod", "Период аренды уже прошёл")).expectNoEvents();
        }

        private OrderPlaced lastPlaced() {
            List<?> events = fixture.getEventStore().readEvents(ORDER_ID).asStream().map(m -> m.getPayload()).toList();
            return (OrderPlaced) events.get(0);
        }
    }

    /** Mail to the guest (issue 14): the order records what became of each mail, once. */
    @Nested
    class MailRules {
        @Test
        void aSentMailIsRecordedOnceHoweverOftenItIsReported() {
            fixture.given(placedAtDesk(4, NOW)).andGivenCurrentTime(NOW)
                    .when(new com.orderdesk.shared.order.command.RecordGuestMail(ORDER_ID, "mail-1", "CONFIRMED", "Заказ № 1006313 подтверждён", null, 1))
                    .expectEvents(new com.orderdesk.shared.order.event.GuestMailSent(ORDER_ID, "mail-1", "CONFIRMED", "Заказ № 1006313 подтверждён", NOW));
            fixture.given(placedAtDesk(4, NOW), new com.orderdesk.shared.order.event.GuestMailSent(ORDER_ID, "mail-1", "CONFIRMED", "Заказ № 1006313 подтверждён", NOW))
                    .when(new com.orderdesk.shared.order.command.RecordGuestMail(ORDER_ID, "mail-1", "CONFIRMED", "Заказ № 1006313 подтверждён", null, 2))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aMailGivenUpIsRecordedWithWhyAndHowManyTries() {
            fixture.given(placedAtDesk(4, NOW), cancelled(Money.ZERO, Money.ZERO, List.of(), PaymentStatus.UNPAID)).andGivenCurrentTime(NOW)
                    .when(new com.orderdesk.shared.order.command.RecordGuestMail(ORDER_ID, "mail-2", "CANCELLED", "Заказ № 1006313 отменён",
                            "550 mailbox unavailable", 8))
                    .expectEvents(new com.orderdesk.shared.order.event.GuestMailFailed(ORDER_ID, "mail-2", "CANCELLED", "Заказ № 1006313 отменён",
                            "550 mailbox unavailable", 8, NOW));
        }

        @Test
        void turningMailOffIsRecordedOnce() {
            fixture.given(placedAtDesk(4, NOW), new com.orderdesk.shared.order.event.GuestMailStopped(ORDER_ID, "troshkov@example.com", NOW))
                    .when(new com.orderdesk.shared.order.command.StopGuestMail(ORDER_ID, "troshkov@example.com"))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(placedAtDesk(4, NOW)).andGivenCurrentTime(NOW)
                    .when(new com.orderdesk.shared.order.command.StopGuestMail(ORDER_ID, "not-an-address"))
                    .expectException(invalid("email", "Не похоже на адрес электронной почты")).expectNoEvents();
        }
    }

    /** The seed: an order belongs to the managers responsible for its service; to any other it does not exist. */
    @Nested
    class ResponsibleStaff {
        private final com.orderdesk.shared.value.Actor otherServicesManager =
                new com.orderdesk.shared.value.Actor("manager2", "Анна Кузнецова", com.orderdesk.shared.value.Role.RENTAL_MANAGER, com.orderdesk.shared.value.Channel.DESK);

        @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
        @org.junit.jupiter.params.provider.MethodSource("com.orderdesk.command.order.OrderTest#everyStaffCommand")
        void aManagerOfAnotherServiceFindsNoOrderToActOn(String what, Object command) {
            fixture.given(placedAtDesk(4, NOW)).andGivenCurrentTime(FOUR_HOURS.end().plusSeconds(3600))
                    .when(sentBy(otherServicesManager, command))
                    .expectException(rejectedWith(ErrorCode.NOT_FOUND, "Заказ не найден")).expectNoEvents();
        }

        @Test
        void aManagerPlacesNoOrderOfAServiceTheyAreNotResponsibleFor() {
            fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                    .when(place(PaymentPlan.FULL, TARIFF, FOUR_HOURS, otherServicesManager))
                    .expectException(invalid("serviceId", "Неизвестная услуга: coworking-2nd-floor")).expectNoEvents();
        }

        @Test
        void theExecutorIsOneOfTheServicesStaffNamedAsTheCatalogNamesThem() {
            fixture.given(placedAtDesk(4, NOW)).andGivenCurrentTime(NOW)
                    .when(sentBy(MANAGER, new AssignExecutor(ORDER_ID, "service", "Петя", null)))
                    .expectEvents(new ExecutorAssigned(ORDER_ID, "service", "Пётр Иванов", null, null, MANAGER, NOW));
        }

        @Test
        void someoneNotOnTheServicesStaffCannotBeTheExecutor() {
            fixture.given(placedAtDesk(4, NOW))
                    .when(sentBy(MANAGER, new AssignExecutor(ORDER_ID, "manager2", "Анна Кузнецова", null)))
                    .expectException(invalid("executorId", "«manager2» среди них нет")).expectNoEvents();
        }
    }

    /**
     * Every command staff send about an existing order. Each would fail otherwise for the order's own manager (stale
     * version, nothing to refund or pay online, the rental not over): only the access rule answers «not found».
     */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> everyStaffCommand() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("assign executor", new AssignExecutor(ORDER_ID, "service", "Пётр Иванов", null)),
                org.junit.jupiter.params.provider.Arguments.of("unassign executor", new UnassignExecutor(ORDER_ID, 99L)),
                org.junit.jupiter.params.provider.Arguments.of("record a payment", new RecordManagerPayment(ORDER_ID, "p1", rub(10), PaymentMethod.CASH, null, 99L)),
                org.junit.jupiter.params.provider.Arguments.of("cancel", new CancelOrder(ORDER_ID, "Передумал", 99L, null)),
                org.junit.jupiter.params.provider.Arguments.of("post a message", new PostMessage(ORDER_ID, "m1", Visibility.INTERNAL, "Ключ у охраны", 99L)),
                org.junit.jupiter.params.provider.Arguments.of("complete", new CompleteOrder(ORDER_ID, 99L)),
                org.junit.jupiter.params.provider.Arguments.of("record a desk refund", new RecordDeskRefund(ORDER_ID, "r1", rub(10), PaymentMethod.CASH, 99L)),
                org.junit.jupiter.params.provider.Arguments.of("ask for an online payment", new RequestOnlinePayment(ORDER_ID, "q1")));
    }

    @Nested
    class ExecutorRules {
        @Test
        void assigningRecordsWhoChangedItFromWhomToWhom() {
            fixture.given(placedAtDesk(4, NOW)).andGivenCurrentTime(NOW)
                    .when(sentBy(MANAGER, new AssignExecutor(ORDER_ID, "service", "Пётр Иванов", null)))
                    .expectEvents(new ExecutorAssigned(ORDER_ID, "service", "Пётр Иванов", null, null, MANAGER, NOW));
        }

        @Test
        void reassigningNamesThePreviousExecutor() {
            fixture.given(placedAtDesk(4, NOW), new ExecutorAssigned(ORDER_ID, "service", "Пётр Иванов", null, null, MANAGER, NOW))
                    .andGivenCurrentTime(NOW)
                    .when(sentBy(MANAGER, new AssignExecutor(ORDER_ID, "manager", "Ирина Соколова", null)))
                    .expectEvents(new ExecutorAssigned(ORDER_ID, "manager", "Ирина Соколова", "service", "Пётр Иванов", MANAGER, NOW));
        }

        @Test
        void assigningTheSameExecutorAgainChangesNothing() {
            fixture.given(placedAtDesk(4, NOW), new ExecutorAssigned(ORDER_ID, "service", "Пётр Иванов", null, null, MANAGER, NOW))
                    .when(sentBy(MANAGER, new AssignExecutor(ORDER_ID, "service", "Пётр Иванов", null)))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void unassigningRecordsWhoWasUnassigned() {
            fixture.given(placedAtDesk(4, NOW), new ExecutorAssigned(ORDER_ID, "service", "Пётр Иванов", null, null, MANAGER, NOW))
                    .andGivenCurrentTime(NOW)
                    .when(sentBy(MANAGER, new UnassignExecutor(ORDER_ID, null)))
                    .expectEvents(new ExecutorUnassigned(ORDER_ID, "service", "Пётр Иванов", MANAGER, NOW));
        }

        @Test
        void unassigningWhenNobodyIsAssignedChangesNothing() {
            fixture.given(placedAtDesk(4, NOW)).when(sentBy(MANAGER, new UnassignExecutor(ORDER_ID, null)))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void executorOfAFinalOrderCannotChange() {
            fixture.given(placedAtDesk(4, NOW), cancelled(Money.ZERO, Money.ZERO, List.of(), PaymentStatus.UNPAID))
                    .when(sentBy(MANAGER, new AssignExecutor(ORDER_ID, "service", "Пётр Иванов", null)))
                    .expectException(rejectedWith(ErrorCode.ORDER_FINAL, "Нельзя сменить исполнителя: заказ отменён")).expectNoEvents();
        }

        @Test
        void blankExecutorIsRefused() {
            fixture.given(placedAtDesk(4, NOW)).when(sentBy(MANAGER, new AssignExecutor(ORDER_ID, " ", "Пётр Иванов", null)))
                    .expectException(invalid("executorId", "Не заполнено: исполнитель")).expectNoEvents();
        }
    }

    @Nested
    class ManagerPaymentRules {
        @Test
        void paymentLeavingExactlyTheMinimumOfFiftyRoublesIsAccepted() {
            fixture.given(placedAtDesk(4, NOW)).andGivenCurrentTime(NOW)
                    .when(pay("p1", rub(350)))
                    .expectEvents(paid("p1", rub(350), rub(350), rub(50), PaymentStatus.PARTIALLY_PAID));
        }

        @Test
        void paymentLeaving49RoublesAnd99KopecksIsRefused() {
            fixture.given(placedAtDesk(4, NOW))
                    .when(pay("p1", kop(35_001)))
                    .expectException(rejectedWith(ErrorCode.REMAINDER_BELOW_MINIMUM, "после оплаты осталось бы 49,99"))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("Остаток к оплате не должен быть менее 50"))
                    .expectNoEvents();
        }

        @Test
        void paymentOfTheWholeRemainderLeavesZeroAndMarksTheOrderPaid() {
            fixture.given(placedAtDesk(4, NOW)).andGivenCurrentTime(NOW)
                    .when(pay("p1", rub(400)))
                    .expectEvents(paid("p1", rub(400), rub(400), Money.ZERO, PaymentStatus.PAID));
        }

        @Test
        void givenPaid300Of400_paying60WouldLeave40AndIsRefused() {
            fixture.given(placedAtDesk(4, NOW), paid("p1", rub(300), rub(300), rub(100), PaymentStatus.PARTIALLY_PAID))
                    .when(pay("p2", rub(60)))
                    .expectException(rejectedWith(ErrorCode.REMAINDER_BELOW_MINIMUM, "после оплаты осталось бы 40")).expectNoEvents();
        }

        @Test
        void anyNumberOfPaymentsIsAllowedWhileTheRuleHolds() {
            fixture.given(placedAtDesk(4, NOW), paid("p1", rub(100), rub(100), rub(300), PaymentStatus.PARTIALLY_PAID),
                            paid("p2", rub(100), rub(200), rub(200), PaymentStatus.PARTIALLY_PAID),
                            paid("p3", rub(100), rub(300), rub(100), PaymentStatus.PARTIALLY_PAID))
                    .andGivenCurrentTime(NOW)
                    .when(pay("p4", rub(100)))
                    .expectEvents(paid("p4", rub(100), rub(400), Money.ZERO, PaymentStatus.PAID));
        }

        @Test
        void overpaymentIsRefused() {
            fixture.given(placedAtDesk(4, NOW))
                    .when(pay("p1", kop(40_001)))
                    .expectException(rejectedWith(ErrorCode.AMOUNT_EXCEEDS_REMAINDER, "больше остатка к оплате 400")).expectNoEvents();
        }

        @Test
        void zeroAmountIsRefused() {
            fixture.given(placedAtDesk(4, NOW)).when(pay("p1", Money.ZERO))
                    .expectException(invalid("amount", "Сумма оплаты должна быть больше нуля")).expectNoEvents();
        }

        @Test
        void paymentOnACancelledOrderIsRefused() {
            fixture.given(placedAtDesk(4, NOW), cancelled(Money.ZERO, Money.ZERO, List.of(), PaymentStatus.UNPAID))
                    .when(pay("p1", rub(100)))
                    .expectException(rejectedWith(ErrorCode.ORDER_FINAL, "Оплата невозможна: заказ отменён")).expectNoEvents();
        }

        @Test
        void paymentOnACompletedOrderIsRefused() {
            fixture.given(placedAtDesk(4, NOW), new OrderCompleted(ORDER_ID, MANAGER, NOW))
                    .when(pay("p1", rub(100)))
                    .expectException(rejectedWith(ErrorCode.ORDER_FINAL, "Оплата невозможна: заказ выполнен")).expectNoEvents();
        }

        @Test
        void paymentOnAFullyPaidOrderIsRefused() {
            fixture.given(placedAtDesk(4, NOW), paid("p1", rub(400), rub(400), Money.ZERO, PaymentStatus.PAID))
                    .when(pay("p2", rub(50)))
                    .expectException(rejectedWith(ErrorCode.ORDER_NOT_PAYABLE, "Заказ уже оплачен полностью")).expectNoEvents();
        }

        @Test
        void theSamePaymentIdWithAnotherAmountOrMethodIsAConflictNotASilentSuccess() {
            fixture.given(placedAtDesk(4, NOW), paid("p1", rub(100), rub(100), rub(300), PaymentStatus.PARTIALLY_PAID))
                    .when(pay("p1", rub(150)))
                    .expectException(rejectedWith(ErrorCode.PAYMENT_ID_CONFLICT, "Платёж p1 уже проведён на 100,00")).expectNoEvents();
            fixture.given(placedAtDesk(4, NOW), paid("p1", rub(100), rub(100), rub(300), PaymentStatus.PARTIALLY_PAID))
                    .when(sentBy(MANAGER, new RecordManagerPayment(ORDER_ID, "p1", rub(100), PaymentMethod.CARD_TERMINAL, null, null)))
                    .expectException(rejectedWith(ErrorCode.PAYMENT_ID_CONFLICT, "Платёж p1 уже проведён на 100,00")).expectNoEvents();
        }

        @Test
        void aDeskPaymentIdEqualToAGatewayPaymentIdIsAPaymentOfItsOwn() {
            fixture.given(placedAtDesk(4, NOW), paid("g1", rub(100), rub(100), rub(300), PaymentStatus.PARTIALLY_PAID))
                    .andGivenCurrentTime(NOW)
                    .when(new RecordGatewayPayment(ORDER_ID, "g1", rub(100), PaymentMethod.BANK_CARD, NOW))
                    .expectEvents(new GatewayPaymentRecorded(ORDER_ID, "g1", rub(100), PaymentMethod.BANK_CARD, GATEWAY, NOW,
                            rub(200), rub(200), Money.ZERO, PaymentStatus.PARTIALLY_PAID, Money.ZERO));
        }

        @Test
        void theSamePaymentIdIsRecordedOnlyOnce() {
            fixture.given(placedAtDesk(4, NOW), paid("p1", rub(100), rub(100), rub(300), PaymentStatus.PARTIALLY_PAID))
                    .when(pay("p1", rub(100)))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void gatewayMethodsCannotBeRecordedAtTheDesk() {
            fixture.given(placedAtDesk(4, NOW))
                    .when(sentBy(MANAGER, new RecordManagerPayment(ORDER_ID, "p1", rub(100), PaymentMethod.BANK_CARD, null, null)))
                    .expectException(invalid("method", "Способ оплаты менеджером")).expectNoEvents();
        }

        @Test
        void aDeskPaymentCoveringThePrepaymentConfirmsAnOnlineOrder() {
            fixture.given(placedOnline(NOW)).andGivenCurrentTime(NOW)
                    .when(pay("p1", rub(100)))
                    .expectEvents(paid("p1", rub(100), rub(100), rub(300), PaymentStatus.PARTIALLY_PAID),
                            new OrderConfirmed(ORDER_ID, MANAGER, NOW));
        }

        @Test
        void aStaleVersionIsRefusedAndTheCurrentOneAccepted() {
            fixture.given(placedAtDesk(4, NOW))
                    .when(sentBy(MANAGER, new RecordManagerPayment(ORDER_ID, "p1", rub(100), PaymentMethod.CASH, null, 7L)))
                    .expectException(rejectedWith(ErrorCode.VERSION_MISMATCH, "версия 0, у вас 7")).expectNoEvents();
            fixture.given(placedAtDesk(4, NOW)).andGivenCurrentTime(NOW)
                    .when(sentBy(MANAGER, new RecordManagerPayment(ORDER_ID, "p1", rub(100), PaymentMethod.CASH, null, 0L)))
                    .expectResultMessagePayload(1L)
                    .expectEvents(paid("p1", rub(100), rub(100), rub(300), PaymentStatus.PARTIALLY_PAID));
        }
    }

    @Nested
    class GatewayPaymentRules {
        private GatewayPaymentRecorded gatewayPaid(String id, Money amount, Money paidAfter, Money remainderAfter,
                                                   Money refundDueAfter, PaymentStatus status) {
            return new GatewayPaymentRecorded(ORDER_ID, id, amount, PaymentMethod.BANK_CARD, GATEWAY, NOW, paidAfter,
                    remainderAfter, refundDueAfter, status, refundDueAfter);
        }

        private RecordGatewayPayment gateway(String id, Money amount) {
            return new RecordGatewayPayment(ORDER_ID, id, amount, PaymentMethod.BANK_CARD, NOW);
        }

        @Test
        void thePrepaymentFromTheGatewayConfirmsTheOrder() {
            fixture.given(placedOnline(NOW)).andGivenCurrentTime(NOW)
                    .when(gateway("g1", rub(100)))
                    .expectEvents(gatewayPaid("g1", rub(100), rub(100), rub(300), Money.ZERO, PaymentStatus.PARTIALLY_PAID),
                            new OrderConfirmed(ORDER_ID, GATEWAY, NOW));
        }

        @Test
        void theSameGatewayPaymentIsRecordedOnlyOnce() {
            fixture.given(placedOnline(NOW), gatewayPaid("g1", rub(100), rub(100), rub(300), Money.ZERO, PaymentStatus.PARTIALLY_PAID),
                            new OrderConfirmed(ORDER_ID, GATEWAY, NOW))
                    .when(gateway("g1", rub(100)))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void moneyTakenAfterCancellationIsRecordedAndOwedBack() {
            fixture.given(placedOnline(NOW), cancelled(Money.ZERO, Money.ZERO, List.of(), PaymentStatus.UNPAID))
                    .andGivenCurrentTime(NOW)
                    .when(gateway("g1", rub(100)))
                    .expectEvents(gatewayPaid("g1", rub(100), Money.ZERO, Money.ZERO, rub(100), PaymentStatus.REFUND_PENDING));
        }

        @Test
        void anOverpaymentIsRecordedAndTheExcessOwedBack() {
            fixture.given(placedAtDesk(4, NOW), paid("p1", rub(350), rub(350), rub(50), PaymentStatus.PARTIALLY_PAID))
                    .andGivenCurrentTime(NOW)
                    .when(gateway("g1", rub(100)))
                    .expectEvents(gatewayPaid("g1", rub(100), rub(400), Money.ZERO, rub(50), PaymentStatus.PAID));
        }

        @Test
        void aGatewayPaymentLandingAfterADeskPaymentNeverLeavesLessThanTheMinimum() {
            // online PARTIAL 400 ₽, prepayment 100 ₽ pending; the desk took 280 ₽ (remainder 120 ₽); the guest's 100 ₽ lands
            fixture.given(placedOnline(NOW), paid("p1", rub(280), rub(280), rub(120), PaymentStatus.PARTIALLY_PAID),
                            new OrderConfirmed(ORDER_ID, MANAGER, NOW))
                    .andGivenCurrentTime(NOW)
                    .when(gateway("g1", rub(100)))
                    .expectEvents(gatewayPaid("g1", rub(100), rub(350), rub(50), rub(30), PaymentStatus.PARTIALLY_PAID));
        }

        @Test
        void anAuthorizationIsCapturedOnlyAsFarAsTheMinimumRemainderAllows() {
            fixture.given(placedOnline(NOW), paid("p1", rub(280), rub(280), rub(120), PaymentStatus.PARTIALLY_PAID),
                            new OrderConfirmed(ORDER_ID, MANAGER, NOW))
                    .andGivenCurrentTime(NOW)
                    .when(new RecordGatewayPaymentAuthorized(ORDER_ID, "g1", rub(100)))
                    .expectEvents(new GatewayPaymentAuthorized(ORDER_ID, "g1", rub(100), rub(70), NOW));
        }

        @Test
        void anAuthorizationOfTheWholeRemainderOrLessThatKeepsTheMinimumIsCapturedWhole() {
            fixture.given(placedOnline(NOW)).andGivenCurrentTime(NOW)
                    .when(new RecordGatewayPaymentAuthorized(ORDER_ID, "g1", rub(100)))
                    .expectEvents(new GatewayPaymentAuthorized(ORDER_ID, "g1", rub(100), rub(100), NOW));
            fixture.given(placedOnline(NOW), paid("p1", rub(350), rub(350), rub(50), PaymentStatus.PARTIALLY_PAID))
                    .andGivenCurrentTime(NOW)
                    .when(new RecordGatewayPaymentAuthorized(ORDER_ID, "g1", rub(100)))
                    .expectEvents(new GatewayPaymentAuthorized(ORDER_ID, "g1", rub(100), rub(50), NOW));
        }

        @Test
        void anAuthorizationOfACancelledOrFullyPaidOrderIsReleasedWhole() {
            fixture.given(placedOnline(NOW), cancelled(Money.ZERO, Money.ZERO, List.of(), PaymentStatus.UNPAID))
                    .andGivenCurrentTime(NOW)
                    .when(new RecordGatewayPaymentAuthorized(ORDER_ID, "g1", rub(100)))
                    .expectEvents(new GatewayPaymentAuthorized(ORDER_ID, "g1", rub(100), Money.ZERO, NOW));
            fixture.given(placedOnline(NOW), paid("p1", rub(400), rub(400), Money.ZERO, PaymentStatus.PAID))
                    .andGivenCurrentTime(NOW)
                    .when(new RecordGatewayPaymentAuthorized(ORDER_ID, "g1", rub(100)))
                    .expectEvents(new GatewayPaymentAuthorized(ORDER_ID, "g1", rub(100), Money.ZERO, NOW));
        }

        @Test
        void moneyBeingCapturedIsReservedFromDeskPaymentsAndFromTheMinimumRule() {
            Object[] capturing = {placedOnline(NOW), new GatewayPaymentAuthorized(ORDER_ID, "g1", rub(100), rub(100), NOW)};
            // 300 ₽ are open; the desk cannot take 300 ₽ + anything, nor leave 20 ₽
            fixture.given(capturing).when(pay("p1", rub(301)))
                    .expectException(rejectedWith(ErrorCode.AMOUNT_EXCEEDS_REMAINDER, "гость уже оплатил онлайн")).expectNoEvents();
            fixture.given(capturing).when(pay("p1", rub(280)))
                    .expectException(rejectedWith(ErrorCode.REMAINDER_BELOW_MINIMUM, "после оплаты осталось бы 20")).expectNoEvents();
            fixture.given(capturing).andGivenCurrentTime(NOW).when(pay("p1", rub(250)))
                    .expectEvents(paid("p1", rub(250), rub(250), rub(150), PaymentStatus.PARTIALLY_PAID),
                            new OrderConfirmed(ORDER_ID, MANAGER, NOW));
            // the capture lands and settles exactly what was reserved
            fixture.given(capturing).andGiven(paid("p1", rub(250), rub(250), rub(150), PaymentStatus.PARTIALLY_PAID),
                            new OrderConfirmed(ORDER_ID, MANAGER, NOW)).andGivenCurrentTime(NOW)
                    .when(gateway("g1", rub(100)))
                    .expectEvents(gatewayPaid("g1", rub(100), rub(350), rub(50), Money.ZERO, PaymentStatus.PARTIALLY_PAID));
        }

        @Test
        void theDeadlineLeavesAnOrderWhosePaymentIsBeingCaptured() {
            fixture.given(placedOnline(NOW), new GatewayPaymentAuthorized(ORDER_ID, "g1", rub(100), rub(100), NOW))
                    .when(new ExpireOnlinePayment(ORDER_ID, ORDER_ID + ":prepayment"))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aRefundMadeInTheGatewaysDashboardLowersWhatIsPaid() {
            fixture.given(placedOnline(NOW), gatewayPaid("g1", rub(100), rub(100), rub(300), Money.ZERO, PaymentStatus.PARTIALLY_PAID),
                            new OrderConfirmed(ORDER_ID, GATEWAY, NOW))
                    .andGivenCurrentTime(NOW)
                    .when(new RecordGatewayRefund(ORDER_ID, "dash-1", "g1", rub(40)))
                    .expectEvents(new GatewayRefundRecorded(ORDER_ID, "dash-1", "g1", rub(40), NOW, Money.ZERO,
                            PaymentStatus.PARTIALLY_PAID, rub(60), rub(340), rub(40), null));
        }

        @Test
        void cancellingAfterAnOverpaymentRefundWasAskedForAsksOnlyForWhatIsStillOwed() {
            // 350 ₽ at the desk, then 100 ₽ online: 50 ₽ counted, 50 ₽ owed back (asked for, not yet recorded)
            fixture.given(placedAtDesk(4, NOW), paid("p1", rub(350), rub(350), rub(50), PaymentStatus.PARTIALLY_PAID),
                            gatewayPaid("g1", rub(100), rub(400), Money.ZERO, rub(50), PaymentStatus.PAID))
                    .andGivenCurrentTime(NOW)
                    .when(sentBy(MANAGER, new CancelOrder(ORDER_ID, "Гость передумал", null, null)))
                    .expectEvents(new OrderCancelled(ORDER_ID, "Гость передумал", MANAGER, NOW, rub(450), rub(350),
                            List.of(new GatewayRefundDue("g1", rub(50))), PaymentStatus.REFUND_PENDING, rub(400)));
        }
    }

    private static OrderCancelled cancelled(Money refundDue, Money deskRefundDue, List<GatewayRefundDue> gateway, PaymentStatus status) {
        return new OrderCancelled(ORDER_ID, "Гость передумал", MANAGER, NOW, refundDue, deskRefundDue, gateway, status, refundDue);
    }

    /** 100 ₽ through the gateway, then 150 ₽ at the desk, of 400 ₽. */
    private Object[] paidOnlineThenAtDesk() {
        return new Object[] {placedOnline(NOW),
                new GatewayPaymentRecorded(ORDER_ID, "g1", rub(100), PaymentMethod.BANK_CARD, GATEWAY, NOW, rub(100),
                        rub(300), Money.ZERO, PaymentStatus.PARTIALLY_PAID, Money.ZERO),
                new OrderConfirmed(ORDER_ID, GATEWAY, NOW),
                paid("p1", rub(150), rub(250), rub(150), PaymentStatus.PARTIALLY_PAID)};
    }

    @Nested
    class CancellationRules {
        @Test
        void cancellingAnUnpaidOrderOwesNothing() {
            fixture.given(placedAtDesk(4, NOW)).andGivenCurrentTime(NOW)
                    .when(sentBy(MANAGER, new CancelOrder(ORDER_ID, "  Гость передумал ", null, null)))
                    .expectEvents(cancelled(Money.ZERO, Money.ZERO, List.of(), PaymentStatus.UNPAID));
        }

        @Test
        void everythingReceivedIsOwedBackGatewayThroughTheGatewayDeskAtTheDesk() {
            fixture.given(paidOnlineThenAtDesk())
                    .andGivenCurrentTime(NOW)
                    .when(sentBy(MANAGER, new CancelOrder(ORDER_ID, "Гость передумал", null, null)))
                    .expectEvents(cancelled(rub(250), rub(150), List.of(new GatewayRefundDue("g1", rub(100))),
                            PaymentStatus.REFUND_PENDING));
        }

        @Test
        void aCancelledOrderCannotBeCancelledAgain() {
            fixture.given(placedAtDesk(4, NOW), cancelled(Money.ZERO, Money.ZERO, List.of(), PaymentStatus.UNPAID))
                    .when(sentBy(MANAGER, new CancelOrder(ORDER_ID, "ещё раз", null, null)))
                    .expectException(rejectedWith(ErrorCode.ORDER_FINAL, "Нельзя отменить заказ: заказ отменён")).expectNoEvents();
        }

        @Test
        void aCompletedOrderCannotBeCancelled() {
            fixture.given(placedAtDesk(4, NOW), new OrderCompleted(ORDER_ID, MANAGER, NOW))
                    .when(sentBy(MANAGER, new CancelOrder(ORDER_ID, "поздно", null, null)))
                    .expectException(rejectedWith(ErrorCode.ORDER_FINAL, "Нельзя отменить заказ: заказ выполнен")).expectNoEvents();
        }

        @Test
        void aReasonIsRequiredAndBounded() {
            fixture.given(placedAtDesk(4, NOW)).when(sentBy(MANAGER, new CancelOrder(ORDER_ID, "   ", null, null)))
                    .expectException(invalid("reason", "Не заполнено: причина отмены")).expectNoEvents();
            fixture.given(placedAtDesk(4, NOW)).when(sentBy(MANAGER, new CancelOrder(ORDER_ID, "x".repeat(Order.MAX_REASON + 1), null, null)))
                    .expectException(invalid("reason", "не более 1000 символов")).expectNoEvents();
        }

        @Test
        void aManagerDecidesTheRefundFromNothingToEverythingPaid() {
            Object[] paidAtDesk = {placedAtDesk(4, NOW), paid("p1", rub(150), rub(150), rub(250), PaymentStatus.PARTIALLY_PAID)};
            fixture.given(paidAtDesk).andGivenCurrentTime(NOW)
                    .when(sentBy(MANAGER, new CancelOrder(ORDER_ID, "Неявка", null, Money.ZERO)))
                    .expectEvents(new OrderCancelled(ORDER_ID, "Неявка", MANAGER, NOW, Money.ZERO, Money.ZERO, List.of(),
                            PaymentStatus.PARTIALLY_PAID, Money.ZERO));
            fixture.given(paidAtDesk).andGivenCurrentTime(NOW)
                    .when(sentBy(MANAGER, new CancelOrder(ORDER_ID, "Неявка", null, rub(100))))
                    .expectEvents(new OrderCancelled(ORDER_ID, "Неявка", MANAGER, NOW, rub(100), rub(100), List.of(),
                            PaymentStatus.REFUND_PENDING, rub(100)));
            fixture.given(paidAtDesk)
                    .when(sentBy(MANAGER, new CancelOrder(ORDER_ID, "Неявка", null, kop(15_001))))
                    .expectException(rejectedWith(ErrorCode.REFUND_EXCEEDS_PAID, "Вернуть можно не более оплаченного: 150,00")).expectNoEvents();
        }

        @Test
        void aPartialRefundGoesThroughTheGatewayFirstThenTheDesk() {
            fixture.given(paidOnlineThenAtDesk())
                    .andGivenCurrentTime(NOW)
                    .when(sentBy(MANAGER, new CancelOrder(ORDER_ID, "Частичный возврат", null, rub(120))))
                    .expectEvents(new OrderCancelled(ORDER_ID, "Частичный возврат", MANAGER, NOW, rub(120), rub(20),
                            List.of(new GatewayRefundDue("g1", rub(100))), PaymentStatus.REFUND_PENDING, rub(120)));
        }

        @Test
        void aGuestCancellingInTimeGetsWhatThePolicySays() {
            // the rental starts at FOUR_HOURS.start(); the demo policy: until 2 hours before, everything paid back
            Instant inTime = OrderFixtures.FOUR_HOURS.start().minus(java.time.Duration.ofHours(2)).minusSeconds(1);
            fixture.given(placedOnline(NOW), new GatewayPaymentRecorded(ORDER_ID, "g1", rub(100), PaymentMethod.BANK_CARD, GATEWAY, NOW,
                            rub(100), rub(300), Money.ZERO, PaymentStatus.PARTIALLY_PAID, Money.ZERO), new OrderConfirmed(ORDER_ID, GATEWAY, NOW))
                    .andGivenCurrentTime(inTime)
                    .when(sentBy(GUEST, new CancelOrder(ORDER_ID, "Планы изменились", null, null)))
                    .expectEvents(new OrderCancelled(ORDER_ID, "Планы изменились", GUEST, inTime, rub(100), Money.ZERO,
                            List.of(new GatewayRefundDue("g1", rub(100))), PaymentStatus.REFUND_PENDING, rub(100)));
        }

        @Test
        void aGuestCannotCancelAfterTheCutoffNorAfterTheStartAndIsToldUntilWhen() {
            Instant late = OrderFixtures.FOUR_HOURS.start().minus(java.time.Duration.ofHours(2));
            fixture.given(placedOnline(NOW)).andGivenCurrentTime(late)
                    .when(sentBy(GUEST, new CancelOrder(ORDER_ID, "Планы изменились", null, null)))
                    .expectException(rejectedWith(ErrorCode.CANCELLATION_WINDOW_CLOSED, "можно было до 11 августа 2030 г., 14:00"))
                    .expectExceptionMessage(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("можно было до"),
                            org.hamcrest.Matchers.containsString("менеджер")))
                    .expectNoEvents();
            fixture.given(placedOnline(NOW)).andGivenCurrentTime(OrderFixtures.FOUR_HOURS.end().plusSeconds(60))
                    .when(sentBy(GUEST, new CancelOrder(ORDER_ID, "Планы изменились", null, null)))
                    .expectException(rejectedWith(ErrorCode.CANCELLATION_WINDOW_CLOSED, "можно было до 11 августа 2030 г., 14:00")).expectNoEvents();
            // staff still can
            fixture.given(placedOnline(NOW)).andGivenCurrentTime(late)
                    .when(sentBy(MANAGER, new CancelOrder(ORDER_ID, "По просьбе гостя", null, null)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void theGuestMayCancelTheirOwnOrder() {
            fixture.given(placedOnline(NOW)).andGivenCurrentTime(NOW)
                    .when(sentBy(GUEST, new CancelOrder(ORDER_ID, "Планы изменились", null, null)))
                    .expectEvents(new OrderCancelled(ORDER_ID, "Планы изменились", GUEST, NOW, Money.ZERO, Money.ZERO, List.of(),
                            PaymentStatus.UNPAID, Money.ZERO));
        }
    }

    @Nested
    class DeskRefundRules {
        private final Object[] cancelledAfterDeskPayment = {placedAtDesk(4, NOW),
                paid("p1", rub(150), rub(150), rub(250), PaymentStatus.PARTIALLY_PAID),
                cancelled(rub(150), rub(150), List.of(), PaymentStatus.REFUND_PENDING)};

        @Test
        void aPartialRefundLeavesTheRestPending() {
            fixture.given(cancelledAfterDeskPayment).andGivenCurrentTime(NOW)
                    .when(sentBy(MANAGER, new RecordDeskRefund(ORDER_ID, "r1", rub(100), PaymentMethod.CASH, null)))
                    .expectEvents(new DeskRefundRecorded(ORDER_ID, "r1", rub(100), PaymentMethod.CASH, MANAGER, NOW, rub(50),
                            PaymentStatus.REFUND_PENDING));
        }

        @Test
        void refundingEverythingOwedMarksThePaymentRefunded() {
            fixture.given(cancelledAfterDeskPayment).andGivenCurrentTime(NOW)
                    .when(sentBy(MANAGER, new RecordDeskRefund(ORDER_ID, "r1", rub(150), PaymentMethod.CASH, null)))
                    .expectEvents(new DeskRefundRecorded(ORDER_ID, "r1", rub(150), PaymentMethod.CASH, MANAGER, NOW, Money.ZERO,
                            PaymentStatus.REFUNDED));
        }

        @Test
        void refundingMoreThanOwedIsRefused() {
            fixture.given(cancelledAfterDeskPayment)
                    .when(sentBy(MANAGER, new RecordDeskRefund(ORDER_ID, "r1", kop(15_001), PaymentMethod.CASH, null)))
                    .expectException(rejectedWith(ErrorCode.AMOUNT_EXCEEDS_REFUND_DUE, "больше суммы к возврату 150")).expectNoEvents();
        }

        @Test
        void refundingWhenNothingIsOwedIsRefused() {
            fixture.given(placedAtDesk(4, NOW), paid("p1", rub(150), rub(150), rub(250), PaymentStatus.PARTIALLY_PAID))
                    .when(sentBy(MANAGER, new RecordDeskRefund(ORDER_ID, "r1", rub(10), PaymentMethod.CASH, null)))
                    .expectException(rejectedWith(ErrorCode.NOTHING_TO_REFUND, "нет суммы к возврату на месте")).expectNoEvents();
        }

        @Test
        void theSameRefundIdIsRecordedOnlyOnce() {
            fixture.given(cancelledAfterDeskPayment)
                    .andGiven(new DeskRefundRecorded(ORDER_ID, "r1", rub(100), PaymentMethod.CASH, MANAGER, NOW, rub(50),
                            PaymentStatus.REFUND_PENDING))
                    .when(sentBy(MANAGER, new RecordDeskRefund(ORDER_ID, "r1", rub(100), PaymentMethod.CASH, null)))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }
    }

    @Nested
    class MessageRules {
        @Test
        void publicAndInternalMessagesAreRecordedTrimmed() {
            fixture.given(placedAtDesk(4, NOW)).andGivenCurrentTime(NOW)
                    .when(sentBy(MANAGER, new PostMessage(ORDER_ID, "m1", Visibility.INTERNAL, "  Место у окна  ", null)))
                    .expectEvents(new MessagePosted(ORDER_ID, "m1", Visibility.INTERNAL, "Место у окна", MANAGER, NOW));
        }

        @Test
        void aMessageHasOneTo4000Characters() {
            fixture.given(placedAtDesk(4, NOW)).when(sentBy(MANAGER, new PostMessage(ORDER_ID, "m1", Visibility.PUBLIC, " \n ", null)))
                    .expectException(invalid("text", "Не заполнено: текст сообщения")).expectNoEvents();
            fixture.given(placedAtDesk(4, NOW))
                    .when(sentBy(MANAGER, new PostMessage(ORDER_ID, "m1", Visibility.PUBLIC, "я".repeat(Order.MAX_MESSAGE + 1), null)))
                    .expectException(invalid("text", "не более 4000 символов")).expectNoEvents();
            fixture.given(placedAtDesk(4, NOW))
                    .when(sentBy(MANAGER, new PostMessage(ORDER_ID, "m1", Visibility.PUBLIC, "я".repeat(Order.MAX_MESSAGE), null)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aGuestCannotPostAnInternalMessage() {
            fixture.given(placedOnline(NOW)).when(sentBy(GUEST, new PostMessage(ORDER_ID, "m1", Visibility.INTERNAL, "секрет", null)))
                    .expectException(rejectedWith(ErrorCode.FORBIDDEN, "только публичные сообщения")).expectNoEvents();
        }

        @Test
        void theSameMessageIdIsRecordedOnlyOnce() {
            fixture.given(placedAtDesk(4, NOW), new MessagePosted(ORDER_ID, "m1", Visibility.PUBLIC, "Ждём вас", MANAGER, NOW))
                    .when(sentBy(MANAGER, new PostMessage(ORDER_ID, "m1", Visibility.PUBLIC, "Ждём вас", null)))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }
    }

    @Nested
    class CompletionRules {
        @Test
        void aConfirmedOrderIsCompletedAfterItsRentalPeriod() {
            Instant after = FOUR_HOURS.end().plusSeconds(60);
            fixture.given(placedAtDesk(4, NOW)).andGivenCurrentTime(after)
                    .when(sentBy(MANAGER, new CompleteOrder(ORDER_ID, null)))
                    .expectEvents(new OrderCompleted(ORDER_ID, MANAGER, after));
        }

        @Test
        void notBeforeTheRentalPeriodIsOver() {
            fixture.given(placedAtDesk(4, NOW)).andGivenCurrentTime(FOUR_HOURS.end().minusSeconds(60))
                    .when(sentBy(MANAGER, new CompleteOrder(ORDER_ID, null)))
                    .expectException(rejectedWith(ErrorCode.RENTAL_NOT_OVER, "Период аренды ещё не закончился")).expectNoEvents();
        }

        @Test
        void anOrderAwaitingPaymentCannotBeCompleted() {
            fixture.given(placedOnline(NOW)).andGivenCurrentTime(FOUR_HOURS.end().plusSeconds(60))
                    .when(sentBy(MANAGER, new CompleteOrder(ORDER_ID, null)))
                    .expectException(rejectedWith(ErrorCode.ORDER_NOT_CONFIRMED, "только подтверждённый заказ")).expectNoEvents();
        }

        @Test
        void aCancelledOrderCannotBeCompleted() {
            fixture.given(placedAtDesk(4, NOW), cancelled(Money.ZERO, Money.ZERO, List.of(), PaymentStatus.UNPAID))
                    .andGivenCurrentTime(FOUR_HOURS.end().plusSeconds(60))
                    .when(sentBy(MANAGER, new CompleteOrder(ORDER_ID, null)))
                    .expectException(rejectedWith(ErrorCode.ORDER_FINAL, "Нельзя выполнить заказ: заказ отменён")).expectNoEvents();
        }
    }

    @Nested
    class OnlinePaymentRules {
        private final OnlinePaymentRequested prepaymentRequested = new OnlinePaymentRequested(ORDER_ID, "1006313",
                ORDER_ID + ":prepayment", rub(100), "Заказ 1006313: предоплата", true, GUEST, NOW);
        private final GatewayPaymentCreated created = new GatewayPaymentCreated(ORDER_ID, ORDER_ID + ":prepayment", "pay-1",
                "http://gateway/checkout/pay-1", NOW);
        private final GatewayPaymentRecorded paidOnline = new GatewayPaymentRecorded(ORDER_ID, "pay-1", rub(100), PaymentMethod.BANK_CARD,
                GATEWAY, NOW, rub(100), rub(300), Money.ZERO, PaymentStatus.PARTIALLY_PAID, Money.ZERO);

        @Test
        void payingTheRestOnlineAsksForTheWholeRemainder() {
            fixture.given(placedOnline(NOW), prepaymentRequested, created, paidOnline, new OrderConfirmed(ORDER_ID, GATEWAY, NOW))
                    .andGivenCurrentTime(NOW)
                    .when(sentBy(GUEST, new RequestOnlinePayment(ORDER_ID, "r2")))
                    .expectEvents(new OnlinePaymentRequested(ORDER_ID, "1006313", "r2", rub(300), "Заказ 1006313: оплата", false, GUEST, NOW));
        }

        @Test
        void afterADeclineTheGuestIsAskedForTheMissingPrepaymentAgain() {
            fixture.given(placedOnline(NOW), prepaymentRequested, created,
                            new com.orderdesk.shared.order.event.GatewayPaymentCanceled(ORDER_ID, "pay-1", "Отказ", NOW))
                    .andGivenCurrentTime(NOW)
                    .when(sentBy(GUEST, new RequestOnlinePayment(ORDER_ID, "r2")))
                    .expectEvents(new OnlinePaymentRequested(ORDER_ID, "1006313", "r2", rub(100), "Заказ 1006313: предоплата", true, GUEST, NOW));
        }

        @Test
        void anOpenPaymentIsReusedNotDoubled() {
            fixture.given(placedOnline(NOW), prepaymentRequested, created)
                    .when(sentBy(GUEST, new RequestOnlinePayment(ORDER_ID, "r2")))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void nothingToPayOrAFinalOrAnotherGuestsOrderIsRefused() {
            fixture.given(placedAtDesk(4, NOW), paid("p1", rub(400), rub(400), Money.ZERO, PaymentStatus.PAID))
                    .when(sentBy(MANAGER, new RequestOnlinePayment(ORDER_ID, "r1")))
                    .expectException(rejectedWith(ErrorCode.ORDER_NOT_PAYABLE, "Заказ уже оплачен полностью")).expectNoEvents();
            fixture.given(placedAtDesk(4, NOW), cancelled(Money.ZERO, Money.ZERO, List.of(), PaymentStatus.UNPAID))
                    .when(sentBy(MANAGER, new RequestOnlinePayment(ORDER_ID, "r1")))
                    .expectException(rejectedWith(ErrorCode.ORDER_FINAL, "Оплата невозможна: заказ отменён")).expectNoEvents();
            fixture.given(placedOnline(NOW), prepaymentRequested, created, paidOnline)
                    .when(sentBy(new com.orderdesk.shared.value.Actor("guest2", "Мария", com.orderdesk.shared.value.Role.GUEST,
                                    com.orderdesk.shared.value.Channel.GUEST_APP), new RequestOnlinePayment(ORDER_ID, "r1")))
                    .expectException(rejectedWith(ErrorCode.NOT_FOUND, "Заказ не найден")).expectNoEvents();
        }

        @Test
        void theDeadlineCancelsAnOrderStillAwaitingPayment() {
            fixture.given(placedOnline(NOW), prepaymentRequested, created).andGivenCurrentTime(NOW)
                    .when(new com.orderdesk.shared.order.command.ExpireOnlinePayment(ORDER_ID, ORDER_ID + ":prepayment"))
                    .expectEvents(new OrderCancelled(ORDER_ID, "Истек срок оплаты",
                            com.orderdesk.shared.value.Actor.system(com.orderdesk.shared.value.Channel.DEADLINE), NOW, Money.ZERO,
                            Money.ZERO, List.of(), PaymentStatus.UNPAID, Money.ZERO));
        }

        @Test
        void aPaymentJustBeforeTheDeadlineWins() {
            fixture.given(placedOnline(NOW), prepaymentRequested, created, paidOnline, new OrderConfirmed(ORDER_ID, GATEWAY, NOW))
                    .when(new com.orderdesk.shared.order.command.ExpireOnlinePayment(ORDER_ID, ORDER_ID + ":prepayment"))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void gatewayRefundsSettleWhatIsOwedOnceAndNeverMoreThanWasPaid() {
            OrderCancelled cancelledPaid = new OrderCancelled(ORDER_ID, "Гость передумал", GUEST, NOW, rub(100), Money.ZERO,
                    List.of(new GatewayRefundDue("pay-1", rub(100))), PaymentStatus.REFUND_PENDING, rub(100));
            Object[] history = {placedOnline(NOW), prepaymentRequested, created, paidOnline, new OrderConfirmed(ORDER_ID, GATEWAY, NOW), cancelledPaid};
            fixture.given(history).andGivenCurrentTime(NOW)
                    .when(new com.orderdesk.shared.order.command.RecordGatewayRefund(ORDER_ID, "ref-1", "pay-1", rub(100)))
                    .expectEvents(new com.orderdesk.shared.order.event.GatewayRefundRecorded(ORDER_ID, "ref-1", "pay-1", rub(100), NOW,
                            Money.ZERO, PaymentStatus.REFUNDED, rub(100), Money.ZERO));
            fixture.given(history)
                    .when(new com.orderdesk.shared.order.command.RecordGatewayRefund(ORDER_ID, "ref-1", "pay-1", kop(10_001)))
                    .expectException(invalid("amount", "Возврат больше платежа шлюза")).expectNoEvents();
            fixture.given(history)
                    .when(new com.orderdesk.shared.order.command.RecordGatewayRefund(ORDER_ID, "ref-1", "pay-unknown", rub(10)))
                    .expectException(rejectedWith(ErrorCode.NOT_FOUND, "Платёж шлюза pay-unknown не относится к заказу")).expectNoEvents();
            fixture.given(history).andGiven(new com.orderdesk.shared.order.event.GatewayRefundRecorded(ORDER_ID, "ref-1", "pay-1",
                            rub(100), NOW, Money.ZERO, PaymentStatus.REFUNDED, rub(100), Money.ZERO))
                    .when(new com.orderdesk.shared.order.command.RecordGatewayRefund(ORDER_ID, "ref-1", "pay-1", rub(100)))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }
    }

}

package com.orderdesk.command.order;

import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.PaymentPlan;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.order.command.CancelOrder;
import com.orderdesk.shared.order.command.ConfirmVisitorEmail;
import com.orderdesk.shared.order.command.PlaceOrder;
import com.orderdesk.shared.order.command.RecordDeskRefund;
import com.orderdesk.shared.order.command.RecordManagerPayment;
import com.orderdesk.shared.order.event.DeskRefundRecorded;
import com.orderdesk.shared.order.event.ManagerPaymentRecorded;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.order.event.OrderPlaced;
import com.orderdesk.shared.order.event.VisitorEmailConfirmed;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Applicant;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.Person;
import com.orderdesk.shared.value.Phone;
import com.orderdesk.shared.value.RentalPeriod;
import com.orderdesk.shared.value.Role;
import com.orderdesk.shared.value.SignedInEmail;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static com.orderdesk.command.order.OrderFixtures.APPLICANT;
import static com.orderdesk.command.order.OrderFixtures.FOUR_HOURS;
import static com.orderdesk.command.order.OrderFixtures.GUEST;
import static com.orderdesk.command.order.OrderFixtures.MANAGER;
import static com.orderdesk.command.order.OrderFixtures.ORDER_ID;
import static com.orderdesk.command.order.OrderFixtures.SERVICE;
import static com.orderdesk.command.order.OrderFixtures.TARIFF;
import static com.orderdesk.command.order.OrderFixtures.VISITOR;
import static com.orderdesk.command.order.OrderFixtures.invalid;
import static com.orderdesk.command.order.OrderFixtures.placedAtDesk;
import static com.orderdesk.command.order.OrderFixtures.placedOnline;
import static com.orderdesk.shared.audit.Attribution.sentBy;
import static org.hamcrest.Matchers.any;
import static org.hamcrest.Matchers.instanceOf;

/** Issue 26: what a person types, where a guest's mail may go, bookings not in the past, money kept on cancellation. */
class OrderTrustTest {
    private static final Instant NOW = Instant.parse("2030-08-01T08:32:00Z");
    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = OrderFixtures.fixture(OrderFixtures.demoCatalog(), NOW);
    }

    private static PlaceOrder place(Person visitor, Applicant applicant, RentalPeriod period, SignedInEmail guestEmail) {
        return new PlaceOrder(ORDER_ID, SERVICE, TARIFF, period, "207", visitor, applicant, PaymentPlan.FULL, null, guestEmail);
    }

    private static Person visitorNamed(String name) {
        return new Person(name, Phone.parse("+7 342 254-54-54"));
    }

    @Nested
    class WhatPeopleType {
        @ParameterizedTest
        @ValueSource(strings = {"Иван\ud800", "\u00a0\u200b", "Иван\r\nBcc: x@y.ru", "Иван\ufffe"})
        void aVisitorNameThatIsBrokenBlankOrMoreThanOneLineIsRefusedOnItsField(String name) {
            fixture.givenNoPriorActivity()
                    .when(sentBy(MANAGER, place(visitorNamed(name), APPLICANT, FOUR_HOURS, null)))
                    .expectException(invalid("visitor.name", "имя посетителя")).expectNoEvents();
        }

        @Test
        void anApplicantRoleOrATicketOfMoreThanOneLineIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(sentBy(MANAGER, place(VISITOR, new Applicant("Алексей", "Гость\nлокации", VISITOR.phone()), FOUR_HOURS, null)))
                    .expectException(invalid("applicant.role", "одной строкой")).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(sentBy(MANAGER, new PlaceOrder(ORDER_ID, SERVICE, TARIFF, FOUR_HOURS, "20\t7", VISITOR, APPLICANT, PaymentPlan.FULL, null)))
                    .expectException(invalid("ticketNumber", "одной строкой")).expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"a,b@x.ru", "x<y@evil.ru", "Гость <a@b.ru>"})
        void aVisitorEmailThatIsNotOneAddressIsRefused(String email) {
            fixture.givenNoPriorActivity()
                    .when(sentBy(MANAGER, place(new Person("Алексей", VISITOR.phone(), email), APPLICANT, FOUR_HOURS, null)))
                    .expectException(invalid("visitor.email", "Не похоже на адрес электронной почты")).expectNoEvents();
        }

        @Test
        void invisibleCharactersAroundANameAreTrimmedBeforeItIsStored() {
            fixture.givenNoPriorActivity()
                    .when(sentBy(MANAGER, place(visitorNamed("\u200bАлексей Трошков\u00a0"), APPLICANT, FOUR_HOURS, null)))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                            Matchers.matches(event -> event instanceof OrderPlaced placed
                                    && placed.visitor().name().equals("Алексей Трошков")), Matchers.andNoMore())));
        }

        @Test
        void aMessageOrAReasonMayRunOverLinesButNotHoldBrokenCharacters() {
            fixture.given(placedAtDesk(4, NOW))
                    .when(sentBy(MANAGER, new com.orderdesk.shared.order.command.PostMessage(ORDER_ID, "m1",
                            com.orderdesk.shared.order.Visibility.PUBLIC, "Строка\nдругая \ud83d", null)))
                    .expectException(invalid("text", "половина суррогатной пары")).expectNoEvents();
            fixture.given(placedAtDesk(4, NOW))
                    .when(sentBy(MANAGER, new CancelOrder(ORDER_ID, "\u200b\u00a0", null, null)))
                    .expectException(invalid("reason", "Не заполнено")).expectNoEvents();
        }
    }

    @Nested
    class WhereAGuestsMailMayGo {
        private final Person visitorWithEmail = new Person("Алексей Трошков", VISITOR.phone(), "someone@example.com");

        /** The order placed, saying whether its visitor's address awaits confirmation. */
        private org.hamcrest.Matcher<Object> placed(boolean unconfirmed) {
            return new org.hamcrest.CustomTypeSafeMatcher<>("OrderPlaced with visitorEmailUnconfirmed = " + unconfirmed) {
                @Override
                protected boolean matchesSafely(Object event) {
                    return event instanceof OrderPlaced placed && placed.visitorEmailUnconfirmed() == unconfirmed;
                }
            };
        }

        @Test
        void anAddressThatIsNotTheGuestsOwnAwaitsConfirmation() {
            // part of the order's first event: no reader can mail the address before it knows
            fixture.givenNoPriorActivity()
                    .when(sentBy(GUEST, place(visitorWithEmail, APPLICANT, FOUR_HOURS, new SignedInEmail("troshkov@example.com"))))
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(placed(true), any(Object.class),
                            Matchers.andNoMore())));
            // a guest whose identity states no e-mail proves none either
            fixture.givenNoPriorActivity()
                    .when(sentBy(GUEST, place(visitorWithEmail, APPLICANT, FOUR_HOURS, null)))
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(placed(true), any(Object.class),
                            Matchers.andNoMore())));
        }

        @Test
        void theGuestsOwnAddressOrAnAddressStaffStateIsMailedAtOnce() {
            fixture.givenNoPriorActivity()
                    .when(sentBy(GUEST, place(visitorWithEmail, APPLICANT, FOUR_HOURS, new SignedInEmail("SomeOne@EXAMPLE.com"))))
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(placed(false),
                            any(Object.class), Matchers.andNoMore())));
            fixture.givenNoPriorActivity()
                    .when(sentBy(MANAGER, place(visitorWithEmail, APPLICANT, FOUR_HOURS, null)))
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(placed(false),
                            Matchers.andNoMore())));
        }

        @Test
        void aLookAlikeOfTheGuestsOwnAddressIsNotTheirs() {
            // ı (dotless i) and the Kelvin sign fold to i and k in Unicode case rules; another mailbox all the same
            for (String lookAlike : List.of("someone@bıgbank.com", "someone@big\u212Aank.com", "ſomeone@bigbank.com")) {
                fixture.givenNoPriorActivity()
                        .when(sentBy(GUEST, place(new Person("Алексей Трошков", VISITOR.phone(), "someone@bigbank.com"), APPLICANT, FOUR_HOURS,
                                new SignedInEmail(lookAlike))))
                        .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(placed(true), any(Object.class),
                                Matchers.andNoMore())));
            }
        }

        @Test
        void onlyTheAddressThatAwaitsIsConfirmedAndOnlyOnce() {
            OrderPlaced p = placedOnline(NOW);
            OrderPlaced awaiting = new OrderPlaced(p.orderId(), p.number(), p.placedAt(), p.placedBy(), p.guestId(), p.service(), p.tariff(),
                    p.lines(), p.rentalPeriod(), p.ticketNumber(), new Person(VISITOR.name(), VISITOR.phone(), "someone@example.com"),
                    p.applicant(), p.paymentPlan(), p.total(), p.prepaymentDue(), p.minimumRemainder(), p.dueDate(), p.status(),
                    p.paymentStatus(), true);
            fixture.given(awaiting)
                    .when(new ConfirmVisitorEmail(ORDER_ID, "SOMEONE@example.com"))
                    .expectEvents(new VisitorEmailConfirmed(ORDER_ID, "someone@example.com", NOW));
            fixture.given(awaiting).when(new ConfirmVisitorEmail(ORDER_ID, "other@example.com"))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(awaiting, new VisitorEmailConfirmed(ORDER_ID, "someone@example.com", NOW))
                    .when(new ConfirmVisitorEmail(ORDER_ID, "someone@example.com"))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }
    }

    @Nested
    class NotInThePast {
        private final RentalPeriod startedAnHourAgo = new RentalPeriod(NOW.minusSeconds(3600), NOW.plusSeconds(3600));
        /** 08:32 UTC is 13:32 in Perm: the current hour began at 13:00 there (08:00 UTC). */
        private final RentalPeriod fromTheCurrentHour = new RentalPeriod(Instant.parse("2030-08-01T08:00:00Z"), Instant.parse("2030-08-01T10:00:00Z"));

        @Test
        void aGuestCannotBookARentalThatHasBegun() {
            fixture.givenNoPriorActivity()
                    .when(sentBy(GUEST, place(VISITOR, APPLICANT, fromTheCurrentHour, null)))
                    .expectException(invalid("rentalPeriod.start", "не раньше 13:32 сегодня")).expectNoEvents();
        }

        @Test
        void staffPlaceAWalkInFromTheCurrentHourButNotBefore() {
            fixture.givenNoPriorActivity()
                    .when(sentBy(MANAGER, place(VISITOR, APPLICANT, fromTheCurrentHour, null)))
                    .expectSuccessfulHandlerExecution();
            fixture.givenNoPriorActivity()
                    .when(sentBy(MANAGER, place(VISITOR, APPLICANT, startedAnHourAgo, null)))
                    .expectException(invalid("rentalPeriod.start", "не раньше 13:00 сегодня")).expectNoEvents();
        }

        @Test
        void theSystemMayImportARentalOfThePast() {
            fixture.givenNoPriorActivity()
                    .when(sentBy(new Actor("demo-import", "Демо-данные", Role.SYSTEM, Channel.SYSTEM), place(VISITOR, APPLICANT, startedAnHourAgo, null)))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class MoneyKeptOnCancellation {
        private final ManagerPaymentRecorded paid = new ManagerPaymentRecorded(ORDER_ID, "p1", Money.ofRubles(200), PaymentMethod.CASH, null,
                MANAGER, NOW, Money.ofRubles(200), Money.ofRubles(200), PaymentStatus.PARTIALLY_PAID);

        @Test
        void aPartRefundedAndAPartKeptReadsPartiallyRefunded() {
            fixture.given(placedAtDesk(4, NOW), paid, new OrderCancelled(ORDER_ID, "Неявка", MANAGER, NOW, Money.ofRubles(100),
                            Money.ofRubles(100), List.of(), PaymentStatus.REFUND_PENDING, Money.ofRubles(100)))
                    .when(sentBy(MANAGER, new RecordDeskRefund(ORDER_ID, "r1", Money.ofRubles(100), PaymentMethod.CASH, null)))
                    .expectEvents(new DeskRefundRecorded(ORDER_ID, "r1", Money.ofRubles(100), PaymentMethod.CASH, MANAGER, NOW, Money.ZERO,
                            PaymentStatus.PARTIALLY_REFUNDED));
        }

        @Test
        void everythingRefundedReadsRefunded() {
            fixture.given(placedAtDesk(4, NOW), paid, new OrderCancelled(ORDER_ID, "Неявка", MANAGER, NOW, Money.ofRubles(200),
                            Money.ofRubles(200), List.of(), PaymentStatus.REFUND_PENDING, Money.ofRubles(200)))
                    .when(sentBy(MANAGER, new RecordDeskRefund(ORDER_ID, "r1", Money.ofRubles(200), PaymentMethod.CASH, null)))
                    .expectEvents(new DeskRefundRecorded(ORDER_ID, "r1", Money.ofRubles(200), PaymentMethod.CASH, MANAGER, NOW, Money.ZERO,
                            PaymentStatus.REFUNDED));
        }
    }
}

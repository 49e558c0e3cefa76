package com.orderdesk.command.order;

import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.command.catalog.CatalogProperties;
import com.orderdesk.command.catalog.TestCatalogs;
import com.orderdesk.shared.order.GatewayRefundDue;
import com.orderdesk.shared.order.OrderLine;
import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.PaymentPlan;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.order.command.CancelOrder;
import com.orderdesk.shared.order.command.PlaceOrder;
import com.orderdesk.shared.order.command.RecordGatewayPaymentAuthorized;
import com.orderdesk.shared.order.command.RecordReceipt;
import com.orderdesk.shared.order.command.RequestOnlinePayment;
import com.orderdesk.shared.order.command.RequestSettlementReceipt;
import com.orderdesk.shared.order.event.GatewayPaymentAuthorized;
import com.orderdesk.shared.order.event.GatewayPaymentCreated;
import com.orderdesk.shared.order.event.GatewayPaymentRecorded;
import com.orderdesk.shared.order.event.ManagerPaymentRecorded;
import com.orderdesk.shared.order.event.OnlinePaymentRequested;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.order.event.OrderCompleted;
import com.orderdesk.shared.order.event.OrderConfirmed;
import com.orderdesk.shared.order.event.OrderPlaced;
import com.orderdesk.shared.order.event.ReceiptRecorded;
import com.orderdesk.shared.order.event.SettlementReceiptDue;
import com.orderdesk.shared.order.receipt.PaymentMode;
import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.order.receipt.ReceiptCustomer;
import com.orderdesk.shared.order.receipt.ReceiptKind;
import com.orderdesk.shared.order.receipt.ReceiptStatus;
import com.orderdesk.shared.order.receipt.Settlement;
import com.orderdesk.shared.order.receipt.SettlementType;
import com.orderdesk.shared.value.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
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
import static com.orderdesk.shared.audit.Attribution.sentBy;
import static org.assertj.core.api.Assertions.assertThat;

/** 54-ФЗ receipts as the order decides them (ADR 014): their data, their modes, their states, the settlement once. */
class OrderReceiptsTest {
    private static final Instant NOW = Instant.parse("2030-08-01T08:32:00Z");
    private static final ReceiptCustomer CUSTOMER = ReceiptCustomer.of(VISITOR);
    private static final List<OrderLine> LINES = List.of(new OrderLine("Коворкинг на 2 этаже, тариф «Стандарт»", 4,
            Money.ofRubles(100), Money.ofRubles(400), 11, "service"));
    private static final Receipt PREPAID = Receipt.of(CUSTOMER, LINES, Money.ofRubles(100), PaymentMode.PARTIAL_PREPAYMENT);
    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = OrderFixtures.fixture(catalog(11), NOW);
    }

    private static Catalog catalog(Integer vatCode) {
        return TestCatalogs.coworking().vatCode(vatCode).staff(new CatalogProperties.StaffSpec("manager", "Ирина Соколова")).catalog();
    }

    private static OrderPlaced placed() {
        OrderPlaced online = OrderFixtures.placedOnline(NOW);
        return new OrderPlaced(ORDER_ID, online.number(), NOW, GUEST, "guest", online.service(), online.tariff(), LINES,
                online.rentalPeriod(), "207", VISITOR, APPLICANT, PaymentPlan.PARTIAL, online.total(), online.prepaymentDue(),
                online.minimumRemainder(), online.dueDate(), OrderStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID);
    }

    private static final OnlinePaymentRequested REQUESTED = new OnlinePaymentRequested(ORDER_ID, "1006313", ORDER_ID + ":prepayment",
            Money.ofRubles(100), "Заказ 1006313: предоплата", true, GUEST, NOW, PREPAID, FOUR_HOURS.start());
    private static final GatewayPaymentCreated CREATED = new GatewayPaymentCreated(ORDER_ID, ORDER_ID + ":prepayment", "pay-1",
            "https://gateway/checkout/pay-1", NOW);

    private static GatewayPaymentRecorded taken(Money amount) {
        return new GatewayPaymentRecorded(ORDER_ID, "pay-1", amount, PaymentMethod.BANK_CARD, GATEWAY, NOW, amount,
                Money.ofRubles(400).minusOrZero(amount), Money.ZERO, PaymentStatus.PARTIALLY_PAID, Money.ZERO);
    }

    private static ReceiptRecorded registered(String key, ReceiptKind kind, Money amount, Receipt receipt, ReceiptStatus status) {
        return new ReceiptRecorded(ORDER_ID, key, kind, status, null, "pay-1", null, amount, receipt, List.of(), null, null, null,
                null, NOW);
    }

    @Test
    void anOnlineOrdersPrepaymentCarriesItsReceiptAsPartialPrepaymentWithTheTariffsVat() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(sentBy(GUEST, new PlaceOrder(ORDER_ID, SERVICE, TARIFF, FOUR_HOURS, "207", VISITOR, APPLICANT, PaymentPlan.PARTIAL, null)))
                .expectEvents(placed(), REQUESTED);
        assertThat(PREPAID.items().get(0).vatCode()).isEqualTo(11);
        assertThat(PREPAID.total()).isEqualTo(Money.ofRubles(100));
    }

    @Test
    void theRestPaidOnlineAfterTheRentalBeganIsAFullPayment() {
        Instant afterStart = FOUR_HOURS.start().plusSeconds(60);
        fixture.given(placed(), REQUESTED, CREATED, taken(Money.ofRubles(100)), new OrderConfirmed(ORDER_ID, GATEWAY, NOW))
                .andGivenCurrentTime(afterStart)
                .when(sentBy(GUEST, new RequestOnlinePayment(ORDER_ID, "rest-1")))
                .expectEvents(new OnlinePaymentRequested(ORDER_ID, "1006313", "rest-1", Money.ofRubles(300), "Заказ 1006313: оплата",
                        false, GUEST, afterStart, Receipt.of(CUSTOMER, LINES, Money.ofRubles(300), PaymentMode.FULL_PAYMENT),
                        FOUR_HOURS.start()));
    }

    @Test
    void anOrderPlacedBeforeReceiptsTakesTheVatFromTodaysCatalog() {
        OrderPlaced old = OrderFixtures.placedOnline(NOW);
        fixture.given(old).andGivenCurrentTime(NOW)
                .when(sentBy(GUEST, new RequestOnlinePayment(ORDER_ID, "r-2")))
                .expectEvents(new OnlinePaymentRequested(ORDER_ID, "1006313", "r-2", Money.ofRubles(100), "Заказ 1006313: предоплата",
                        true, GUEST, NOW, PREPAID, FOUR_HOURS.start()));
    }

    @Test
    void aSmallerCaptureThanAuthorizedCarriesTheReceiptOfWhatIsTaken() {
        fixture.given(placed(), REQUESTED, CREATED,
                        new ManagerPaymentRecorded(ORDER_ID, "desk-1", Money.ofRubles(320), PaymentMethod.CASH, null, MANAGER, NOW,
                                Money.ofRubles(320), Money.ofRubles(80), PaymentStatus.PARTIALLY_PAID))
                .andGivenCurrentTime(NOW)
                .when(new RecordGatewayPaymentAuthorized(ORDER_ID, "pay-1", Money.ofRubles(100)))
                .expectEvents(new GatewayPaymentAuthorized(ORDER_ID, "pay-1", Money.ofRubles(100), Money.ofRubles(80), NOW,
                        PREPAID.scaledTo(Money.ofRubles(80))));
    }

    @Test
    void aRefundThroughTheGatewayCarriesTheRefundReceiptOfThePaymentsPositionsAndModes() {
        fixture.given(placed(), REQUESTED, CREATED, taken(Money.ofRubles(100)), new OrderConfirmed(ORDER_ID, GATEWAY, NOW))
                .andGivenCurrentTime(NOW)
                .when(sentBy(MANAGER, new CancelOrder(ORDER_ID, "Гость передумал", null, Money.ofRubles(60))))
                .expectEvents(new OrderCancelled(ORDER_ID, "Гость передумал", MANAGER, NOW, Money.ofRubles(60), Money.ZERO,
                        List.of(new GatewayRefundDue("pay-1", Money.ofRubles(60), PREPAID.scaledTo(Money.ofRubles(60)))),
                        PaymentStatus.REFUND_PENDING, Money.ofRubles(60)));
    }

    @Test
    void aReceiptsStateIsRecordedWhenItChangesAndARegisteredOneStaysRegistered() {
        RecordReceipt pending = new RecordReceipt(ORDER_ID, "payment:pay-1", ReceiptKind.PAYMENT, ReceiptStatus.PENDING, null, "pay-1",
                null, Money.ofRubles(100), PREPAID, List.of(), null, null, null, null);
        RecordReceipt succeeded = new RecordReceipt(ORDER_ID, "payment:pay-1", ReceiptKind.PAYMENT, ReceiptStatus.SUCCEEDED, "rc-1",
                "pay-1", null, Money.ofRubles(100), PREPAID, List.of(), null, "1001", "9289", "42");
        ReceiptRecorded wasPending = registered("payment:pay-1", ReceiptKind.PAYMENT, Money.ofRubles(100), PREPAID, ReceiptStatus.PENDING);
        fixture.given(placed(), wasPending).andGivenCurrentTime(NOW).when(pending).expectNoEvents();
        fixture.given(placed(), wasPending).andGivenCurrentTime(NOW).when(succeeded)
                .expectEvents(new ReceiptRecorded(ORDER_ID, "payment:pay-1", ReceiptKind.PAYMENT, ReceiptStatus.SUCCEEDED, "rc-1",
                        "pay-1", null, Money.ofRubles(100), PREPAID, List.of(), null, "1001", "9289", "42", NOW));
        ReceiptRecorded done = registered("payment:pay-1", ReceiptKind.PAYMENT, Money.ofRubles(100), PREPAID, ReceiptStatus.SUCCEEDED);
        fixture.given(placed(), wasPending, done).andGivenCurrentTime(NOW).when(pending).expectNoEvents();
    }

    @Test
    void aPrepaymentWithItsReceiptIsSettledOnceForWhatTheOrderKeeps() {
        ReceiptRecorded prepaymentRegistered = registered("payment:pay-1", ReceiptKind.PAYMENT, Money.ofRubles(100), PREPAID,
                ReceiptStatus.SUCCEEDED);
        Receipt settled = Receipt.of(CUSTOMER, LINES, Money.ofRubles(100), PaymentMode.FULL_PAYMENT);
        SettlementReceiptDue due = new SettlementReceiptDue(ORDER_ID, "settlement:" + ORDER_ID, "pay-1", settled,
                List.of(new Settlement(SettlementType.PREPAYMENT, Money.ofRubles(100))), NOW);
        fixture.given(placed(), REQUESTED, CREATED, taken(Money.ofRubles(100)), new OrderConfirmed(ORDER_ID, GATEWAY, NOW),
                        prepaymentRegistered, new OrderCompleted(ORDER_ID, MANAGER, NOW))
                .andGivenCurrentTime(NOW)
                .when(new RequestSettlementReceipt(ORDER_ID, false))
                .expectEvents(due);
        // asked again: decided already
        fixture.given(placed(), REQUESTED, CREATED, taken(Money.ofRubles(100)), prepaymentRegistered, due)
                .andGivenCurrentTime(NOW).when(new RequestSettlementReceipt(ORDER_ID, false)).expectNoEvents();
        // a cancelled order that returns everything settles nothing
        fixture.given(placed(), REQUESTED, CREATED, taken(Money.ofRubles(100)), prepaymentRegistered,
                        new OrderCancelled(ORDER_ID, "Отмена", MANAGER, NOW, Money.ofRubles(100), Money.ZERO,
                                List.of(new GatewayRefundDue("pay-1", Money.ofRubles(100))), PaymentStatus.REFUND_PENDING, Money.ofRubles(100)))
                .andGivenCurrentTime(NOW).when(new RequestSettlementReceipt(ORDER_ID, false)).expectNoEvents();
        // no prepayment receipt (receipts were off): nothing to settle
        fixture.given(placed(), REQUESTED, CREATED, taken(Money.ofRubles(100)))
                .andGivenCurrentTime(NOW).when(new RequestSettlementReceipt(ORDER_ID, false)).expectNoEvents();
    }

    @Test
    void withTheDeskInTheSameRegisterTheSettlementCoversDeskPaymentsByHowTheyWerePaid() {
        ReceiptRecorded prepaymentRegistered = registered("payment:pay-1", ReceiptKind.PAYMENT, Money.ofRubles(100), PREPAID,
                ReceiptStatus.SUCCEEDED);
        fixture.given(placed(), REQUESTED, CREATED, taken(Money.ofRubles(100)), new OrderConfirmed(ORDER_ID, GATEWAY, NOW),
                        prepaymentRegistered,
                        new ManagerPaymentRecorded(ORDER_ID, "desk-1", Money.ofRubles(200), PaymentMethod.CARD_TERMINAL, null, MANAGER,
                                NOW, Money.ofRubles(300), Money.ofRubles(100), PaymentStatus.PARTIALLY_PAID),
                        new ManagerPaymentRecorded(ORDER_ID, "desk-2", Money.ofRubles(100), PaymentMethod.CASH, null, MANAGER,
                                NOW, Money.ofRubles(400), Money.ZERO, PaymentStatus.PAID))
                .andGivenCurrentTime(NOW)
                .when(new RequestSettlementReceipt(ORDER_ID, true))
                .expectEvents(new SettlementReceiptDue(ORDER_ID, "settlement:" + ORDER_ID, "pay-1",
                        Receipt.of(CUSTOMER, LINES, Money.ofRubles(400), PaymentMode.FULL_PAYMENT),
                        List.of(new Settlement(SettlementType.PREPAYMENT, Money.ofRubles(100)),
                                new Settlement(SettlementType.CASHLESS, Money.ofRubles(200)),
                                new Settlement(SettlementType.CASH, Money.ofRubles(100))), NOW));
    }

    @Test
    void moneyACancelledOrderKeepsIsSettledForExactlyWhatItKeeps() {
        // the meeting room's policy returns half: 50 ₽ of the 100 ₽ prepayment stay with the coworking
        ReceiptRecorded prepaymentRegistered = registered("payment:pay-1", ReceiptKind.PAYMENT, Money.ofRubles(100), PREPAID,
                ReceiptStatus.SUCCEEDED);
        fixture.given(placed(), REQUESTED, CREATED, taken(Money.ofRubles(100)), new OrderConfirmed(ORDER_ID, GATEWAY, NOW),
                        prepaymentRegistered, new OrderCancelled(ORDER_ID, "Гость отменил бронирование", GUEST, NOW, Money.ofRubles(50),
                                Money.ZERO, List.of(new GatewayRefundDue("pay-1", Money.ofRubles(50), PREPAID.scaledTo(Money.ofRubles(50)))),
                                PaymentStatus.REFUND_PENDING, Money.ofRubles(50)))
                .andGivenCurrentTime(NOW)
                .when(new RequestSettlementReceipt(ORDER_ID, false))
                .expectEvents(new SettlementReceiptDue(ORDER_ID, "settlement:" + ORDER_ID, "pay-1",
                        Receipt.of(CUSTOMER, LINES, Money.ofRubles(50), PaymentMode.FULL_PAYMENT),
                        List.of(new Settlement(SettlementType.PREPAYMENT, Money.ofRubles(50))), NOW));
    }

    @Test
    void aRefundMadeInTheGatewaysDashboardCarriesTheRefundReceiptOfWhatNobodyAskedFor() {
        fixture.given(placed(), REQUESTED, CREATED, taken(Money.ofRubles(100)), new OrderConfirmed(ORDER_ID, GATEWAY, NOW),
                        registered("payment:pay-1", ReceiptKind.PAYMENT, Money.ofRubles(100), PREPAID, ReceiptStatus.SUCCEEDED))
                .andGivenCurrentTime(NOW)
                .when(new com.orderdesk.shared.order.command.RecordGatewayRefund(ORDER_ID, "dash-1", "pay-1", Money.ofRubles(30)))
                .expectEvents(new com.orderdesk.shared.order.event.GatewayRefundRecorded(ORDER_ID, "dash-1", "pay-1", Money.ofRubles(30), NOW,
                        Money.ZERO, PaymentStatus.PARTIALLY_PAID, Money.ofRubles(70), Money.ofRubles(330), Money.ofRubles(30),
                        PREPAID.scaledTo(Money.ofRubles(30))));
    }
}

package com.orderdesk.app;

import com.orderdesk.client.ApiClient;
import com.orderdesk.client.ApiException;
import com.orderdesk.client.api.AuditApi;
import com.orderdesk.client.api.DeskOrdersApi;
import com.orderdesk.client.api.GatewaySimulatorApi;
import com.orderdesk.client.api.GuestOrdersApi;
import com.orderdesk.client.model.Applicant;
import com.orderdesk.client.model.CancellationRequest;
import com.orderdesk.client.model.GuestPlaceOrderRequest;
import com.orderdesk.client.model.ManagerPaymentRequest;
import com.orderdesk.client.model.Money;
import com.orderdesk.client.model.OrderDetail;
import com.orderdesk.client.model.Person;
import com.orderdesk.client.model.PlaceOrderRequest;
import com.orderdesk.client.model.PlacedOrder;
import com.orderdesk.client.model.RentalPeriod;
import com.orderdesk.client.model.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Proof that the document tells the truth (issue 16): the Java client generated from {@code docs/openapi.yaml} at build
 * time, and nothing else, runs the main flows against the running service — a desk order paid in two payments with
 * the 50 ₽ rule refused once, its form and timeline, a cancellation with a reason, a guest paying online through the
 * simulator, and an auditor reading the history.
 */
class GeneratedClientHttpTest extends HttpTestBase {

    private ApiClient as(String login) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        String basic = "Basic " + Base64.getEncoder().encodeToString((login + ":" + login).getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", basic));
        return client;
    }

    private static Money rub(String value) {
        return new Money().value(value).currency(Money.CurrencyEnum.RUB);
    }

    private RentalPeriod period(int daysAhead, int hours) {
        LocalDate day = today().plusDays(daysAhead);
        return new RentalPeriod().start(day.atTime(10, 0).atZone(PERM).toOffsetDateTime())
                .end(day.atTime(10 + hours, 0).atZone(PERM).toOffsetDateTime());
    }

    private static Person visitor() {
        return new Person().name("Светлана Орлова").phone("+7 912 555-12-34");
    }

    private static Applicant applicant() {
        return new Applicant().name("Светлана Орлова").role("Гость локации").phone("8 912 555 12 34");
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void theGeneratedClientRunsTheMainFlows() throws Exception {
        DeskOrdersApi desk = new DeskOrdersApi(as("manager"));

        // placed at the desk: 4 hours × 100 ₽
        PlacedOrder placed = desk.placeOrder(new PlaceOrderRequest().serviceId("coworking-2nd-floor").tariffId("standard")
                .rentalPeriod(period(3, 4)).ticketNumber("301").visitor(visitor()).applicant(applicant())
                .paymentPlan(PlaceOrderRequest.PaymentPlanEnum.PARTIAL), key());
        String order = placed.getOrderId();
        assertThat(placed.getNumber()).isNotBlank();

        // 360 ₽ would leave 40 ₽, under the 50 ₽ minimum: refused with its stable code
        assertThatThrownBy(() -> desk.recordDeskPayment(order, new ManagerPaymentRequest().amount(rub("360.00"))
                .method(ManagerPaymentRequest.MethodEnum.CASH), key(), null))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(422);
                    assertThat(refused.getResponseBody()).contains("\"code\":\"remainder-below-minimum\"");
                });
        desk.recordDeskPayment(order, new ManagerPaymentRequest().amount(rub("150.00"))
                .method(ManagerPaymentRequest.MethodEnum.CASH), key(), null);
        desk.recordDeskPayment(order, new ManagerPaymentRequest().amount(rub("250.00"))
                .method(ManagerPaymentRequest.MethodEnum.CARD_TERMINAL), key(), null);

        OrderDetail detail = desk.getOrder(order);
        assertThat(detail.getPaid().getValue()).isEqualTo("400.00");
        assertThat(detail.getRemainder().getValue()).isEqualTo("0.00");
        assertThat(detail.getPaymentStatus()).isEqualTo(OrderDetail.PaymentStatusEnum.PAID);
        assertThat(detail.getPayments()).hasSize(2);
        List<TimelineEntry> timeline = desk.getOrderTimeline(order);
        assertThat(timeline).extracting(TimelineEntry::getText).anyMatch(text -> text.contains("Проведена оплата 150,00"));

        // cancelled with a reason: everything paid is owed back
        desk.cancelOrderAtDesk(order, new CancellationRequest().reason("Гость заболел"), key(), "\"" + detail.getVersion() + "\"");
        OrderDetail cancelled = desk.getOrder(order);
        assertThat(cancelled.getStatus()).isEqualTo(OrderDetail.StatusEnum.CANCELLED);
        assertThat(cancelled.getCancellation().getReason()).isEqualTo("Гость заболел");
        assertThat(cancelled.getRefundDue().getValue()).isEqualTo("400.00");

        // a guest books online and pays through the simulator
        GuestOrdersApi guestApi = new GuestOrdersApi(as("guest"));
        PlacedOrder booked = guestApi.placeMyOrder(new GuestPlaceOrderRequest().serviceId("coworking-2nd-floor").tariffId("standard")
                .rentalPeriod(period(4, 2)).visitor(visitor()).applicant(applicant())
                .paymentPlan(GuestPlaceOrderRequest.PaymentPlanEnum.FULL), key());
        Map<String, Object> payment = guestApi.payMyOrderOnline(booked.getOrderId(), key());
        assertThat((String) payment.get("confirmationUrl")).contains("/simulator/checkout/");
        new GatewaySimulatorApi(as("guest")).simulatorSettlePayment((String) payment.get("paymentId"), "succeed");
        OrderDetail mine = com.orderdesk.app.support.Await.until("the online payment confirms the order", () -> {
            try {
                return guestApi.getMyOrder(booked.getOrderId());
            } catch (ApiException e) {
                throw new IllegalStateException(e);
            }
        }, o -> o.getStatus() == OrderDetail.StatusEnum.CONFIRMED);
        assertThat(mine.getPaid().getValue()).isEqualTo("200.00");

        // the auditor reads the desk order's history
        Object events = new AuditApi(as("auditor")).getOrderEvents(order, null);
        assertThat(String.valueOf(events)).contains("OrderPlaced").contains("ManagerPaymentRecorded").contains("OrderCancelled");
        assertThatThrownBy(() -> new AuditApi(as("guest")).getOrderEvents(order, null))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.getCode()).isEqualTo(403));
    }
}

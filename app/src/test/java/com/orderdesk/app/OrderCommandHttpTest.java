package com.orderdesk.app;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every staff command endpoint of API.md over real HTTP, with every error code that applies to it. */
class OrderCommandHttpTest extends HttpTestBase {

    @Nested
    class PlaceOrder {
        @Test
        void placesAPricedDeskOrderWithASevenDigitNumber() {
            Api.Response placed = manager.post("/api/orders", orderBody(3, 4, "PARTIAL"));
            assertThat(placed.status()).isEqualTo(201);
            String orderId = placed.text("/orderId");
            assertThat(placed.header("Location")).isEqualTo("/api/orders/" + orderId);
            assertThat(placed.text("/number")).matches("[1-9]\\d{6}");

            Api.Response detail = detail(orderId);
            assertThat(detail.status()).isEqualTo(200);
            assertThat(detail.header("ETag")).isEqualTo("\"0\"");
            assertThat(detail.text("/status")).isEqualTo("CONFIRMED");
            assertThat(detail.text("/statusLabel")).isEqualTo("Подтвержден");
            assertThat(detail.text("/paymentStatus")).isEqualTo("UNPAID");
            assertThat(detail.text("/lines/0/description")).isEqualTo("Коворкинг на 2 этаже, тариф «Стандарт»");
            assertThat(detail.json().at("/lines/0/quantity").asLong()).isEqualTo(4);
            assertThat(detail.text("/lines/0/unitPrice/value")).isEqualTo("100.00");
            assertThat(detail.text("/total/value")).isEqualTo("400.00");
            assertThat(detail.text("/total/currency")).isEqualTo("RUB");
            assertThat(detail.text("/remainder/value")).isEqualTo("400.00");
            assertThat(detail.text("/visitor/phone")).isEqualTo("+79125551234");
            assertThat(detail.text("/rentalPeriod/start")).endsWith("T10:00:00+05:00");
            assertThat(detail.text("/number")).isEqualTo(placed.text("/number"));
        }

        @Test
        void aClientCannotSendAPrice() {
            Api.Response placed = manager.post("/api/orders", orderBody(3, 4, "FULL").replace("\"paymentPlan\"",
                    "\"total\":{\"value\":\"1.00\",\"currency\":\"RUB\"},\"paymentPlan\""));
            assertThat(placed.status()).isEqualTo(400);
            assertThat(placed.code()).isEqualTo("validation-failed");
        }

        @Test
        void theSeedsOrderIsThereWithItsNumber() {
            Api.Response seed = detail("6d2b2f6a-1006-4313-9c1e-000000000207");
            assertThat(seed.text("/number")).isEqualTo("1006313");
            assertThat(seed.text("/ticket/number")).isEqualTo("207");
            assertThat(seed.text("/visitor/name")).isEqualTo("Алексей Трошков");
            assertThat(seed.text("/paymentStatus")).isEqualTo("PAID");
            assertThat(seed.text("/rentalPeriod/start")).isEqualTo("2023-08-11T16:00:00+05:00");
            assertThat(seed.text("/payments/0/source")).isEqualTo("GATEWAY");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"serviceId\":",                                                     // malformed JSON
                "[]",                                                                  // wrong shape
                "{\"serviceId\":123,\"rentalPeriod\":\"tomorrow\"}",                  // wrong types
                "{\"paymentPlan\":\"SOMETIMES\"}",                                     // unknown enum
                "{\"visitor\":{\"name\":\"A\",\"phone\":\"not a phone\"}}",           // phone not a phone
                "{\"rentalPeriod\":{\"start\":\"2030-01-01T12:00:00Z\",\"end\":\"2030-01-01T10:00:00Z\"}}", // reversed
                "{\"rentalPeriod\":{\"start\":\"2030-01-01T12:00:00Z\",\"end\":\"2030-01-01T12:00:00Z\"}}", // empty
                "{\"unknown\":{\"deep\":[1,2,3]}}",                                    // unknown field
                "{}"                                                                   // nothing
        })
        void badInputIsA400WithAStableCodeAndChangesNothing(String body) {
            Api.Response answer = manager.post("/api/orders", body);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.code()).isEqualTo("validation-failed");
            assertThat(answer.text("/detail")).isNotBlank();
        }

        @Test
        void errorsNameTheFieldInRussian() {
            Api.Response answer = manager.post("/api/orders", orderBody(3, 4, "FULL").replace("+7 912 555-12-34", "12"));
            assertThat(answer.code()).isEqualTo("validation-failed");
            assertThat(answer.text("/detail")).contains("Некорректный номер телефона");
            // the field is named where it stands in the body, so a form can show the error next to it
            assertThat(answer.text("/field")).isEqualTo("visitor.phone");
            assertThat(manager.post("/api/orders", orderBody(3, 4, "FULL").replace("8 912 555 12 34", "12")).text("/field"))
                    .isEqualTo("applicant.phone");
            assertThat(manager.post("/api/orders", orderBody(3, 4, "FULL").replace("\"name\":\"Светлана Орлова\",\"phone\":\"+7", "\"name\":\" \",\"phone\":\"+7"))
                    .text("/field")).isEqualTo("visitor.name");
            assertThat(manager.post("/api/orders", orderBody(3, 4, "FULL").replace("\"Светлана Орлова\",\"role\"", "\"\",\"role\""))
                    .text("/field")).isEqualTo("applicant.name");
            Api.Response unknownService = manager.post("/api/orders", orderBody(3, 4, "FULL").replace("coworking-2nd-floor", "sauna"));
            assertThat(unknownService.status()).isEqualTo(400);
            assertThat(unknownService.text("/detail")).contains("Неизвестная услуга");
            assertThat(unknownService.text("/field")).isEqualTo("serviceId");
        }

        @Test
        void onlyJsonIsAccepted() {
            Api.Response answer = manager.send("POST", "/api/orders", "serviceId=x", "application/x-www-form-urlencoded");
            assertThat(answer.status()).isEqualTo(415);
            assertThat(answer.code()).isEqualTo("unsupported-media-type");
        }
    }

    @Nested
    class ManagerPayments {
        @Test
        void the50RoubleRuleOverHttp_360Refused_350Then50Accepted_thenPaid() {
            String order = placeDeskOrder(4);
            Api.Response refused = manager.post("/api/orders/" + order + "/payments", payment("360.00", "CASH"));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("remainder-below-minimum");
            assertThat(refused.text("/detail")).startsWith("Остаток к оплате не должен быть менее 50\u00a0₽");
            assertThat(detail(order).header("ETag")).as("a refusal changes nothing").isEqualTo("\"0\"");

            Api.Response first = manager.post("/api/orders/" + order + "/payments", payment("350.00", "CASH"));
            assertThat(first.status()).isEqualTo(201);
            assertThat(first.header("ETag")).isEqualTo("\"1\"");
            assertThat(detail(order).text("/remainder/value")).isEqualTo("50.00");
            assertThat(detail(order).text("/paymentStatus")).isEqualTo("PARTIALLY_PAID");

            Api.Response rest = manager.post("/api/orders/" + order + "/payments", payment("50.00", "CARD_TERMINAL"));
            assertThat(rest.status()).isEqualTo(201);
            Api.Response paid = detail(order);
            assertThat(paid.text("/paymentStatus")).isEqualTo("PAID");
            assertThat(paid.text("/paymentStatusLabel")).isEqualTo("Оплачен");
            assertThat(paid.text("/remainder/value")).isEqualTo("0.00");
            assertThat(paid.json().at("/payments").size()).isEqualTo(2);
            assertThat(paid.text("/payments/0/recordedBy/name")).isEqualTo("Ирина Соколова");
            assertThat(paid.text("/payments/1/method")).isEqualTo("CARD_TERMINAL");

            Api.Response more = manager.post("/api/orders/" + order + "/payments", payment("10.00", "CASH"));
            assertThat(more.status()).isEqualTo(409);
            assertThat(more.code()).isEqualTo("order-not-payable");
        }

        @Test
        void overpaymentIsRefused() {
            String order = placeDeskOrder(4);
            Api.Response answer = manager.post("/api/orders/" + order + "/payments", payment("400.01", "CASH"));
            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.code()).isEqualTo("amount-exceeds-remainder");
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1.00", "0.00", "1.005", "1e2", "99999999999999999999.00", "сто"})
        void absurdAmountsAreRefused(String value) {
            String order = placeDeskOrder(4);
            Api.Response answer = manager.post("/api/orders/" + order + "/payments", payment(value, "CASH"));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.code()).isEqualTo("validation-failed");
            assertThat(detail(order).text("/version")).isEqualTo("0");
        }

        @Test
        void amountAsAFloatingNumberOrMissingMethodIsRefused() {
            String order = placeDeskOrder(4);
            assertThat(manager.post("/api/orders/" + order + "/payments", "{\"amount\":100.5,\"method\":\"CASH\"}").code())
                    .isEqualTo("validation-failed");
            assertThat(manager.post("/api/orders/" + order + "/payments", "{\"amount\":" + money("100.00") + "}").code())
                    .isEqualTo("validation-failed");
            assertThat(manager.post("/api/orders/" + order + "/payments", payment("100.00", "BANK_CARD")).code())
                    .isEqualTo("validation-failed");
        }

        @Test
        void staleIfMatchIs412AndCurrentIfMatchIsAccepted() {
            String order = placeDeskOrder(4);
            Api.Response stale = manager.header("If-Match", "\"5\"").post("/api/orders/" + order + "/payments", payment("100.00", "CASH"));
            assertThat(stale.status()).isEqualTo(412);
            assertThat(stale.code()).isEqualTo("version-mismatch");
            Api.Response current = manager.header("If-Match", "\"0\"").post("/api/orders/" + order + "/payments", payment("100.00", "CASH"));
            assertThat(current.status()).isEqualTo(201);
            assertThat(manager.header("If-Match", "garbage").post("/api/orders/" + order + "/payments", payment("100.00", "CASH")).code())
                    .isEqualTo("validation-failed");
        }
    }

    @Nested
    class IdempotencyKeys {
        @Test
        void aRepeatedKeyRecordsNothingTwiceAndReturnsTheFirstAnswer() {
            String order = placeDeskOrder(4);
            Api keyed = manager.header("Idempotency-Key", "pay-" + order);
            Api.Response first = keyed.post("/api/orders/" + order + "/payments", payment("100.00", "CASH"));
            Api.Response again = keyed.post("/api/orders/" + order + "/payments", payment("100.00", "CASH"));
            assertThat(first.status()).isEqualTo(201);
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            Api.Response detail = detail(order);
            assertThat(detail.json().at("/payments").size()).isEqualTo(1);
            assertThat(detail.text("/paid/value")).isEqualTo("100.00");
        }

        @Test
        void theSameKeyWithAnotherBodyIsRefused() {
            String order = placeDeskOrder(4);
            Api keyed = manager.header("Idempotency-Key", "reuse-" + order);
            assertThat(keyed.post("/api/orders/" + order + "/payments", payment("100.00", "CASH")).status()).isEqualTo(201);
            Api.Response reused = keyed.post("/api/orders/" + order + "/payments", payment("150.00", "CASH"));
            assertThat(reused.status()).isEqualTo(422);
            assertThat(reused.code()).isEqualTo("idempotency-key-reused");
            assertThat(detail(order).json().at("/payments").size()).isEqualTo(1);
        }

        @Test
        void aRefusalIsAlsoTheFirstAnswer() {
            String order = placeDeskOrder(4);
            Api keyed = manager.header("Idempotency-Key", "refused-" + order);
            Api.Response first = keyed.post("/api/orders/" + order + "/payments", payment("360.00", "CASH"));
            Api.Response again = keyed.post("/api/orders/" + order + "/payments", payment("360.00", "CASH"));
            assertThat(first.status()).isEqualTo(422);
            assertThat(again.status()).isEqualTo(422);
            assertThat(again.code()).isEqualTo("remainder-below-minimum");
        }

        @Test
        void aRepeatedPlacementPlacesOneOrder() {
            Api keyed = manager.header("Idempotency-Key", "place-" + System.nanoTime());
            Api.Response first = keyed.post("/api/orders", orderBody(3, 2, "FULL"));
            Api.Response again = keyed.post("/api/orders", orderBody(3, 2, "FULL"));
            assertThat(again.text("/orderId")).isEqualTo(first.text("/orderId"));
            assertThat(again.text("/number")).isEqualTo(first.text("/number"));
        }

        @Test
        void keysAreScopedToTheCaller() {
            String order = placeDeskOrder(4);
            String key = "shared-" + order;
            assertThat(manager.header("Idempotency-Key", key).post("/api/orders/" + order + "/payments", payment("100.00", "CASH")).status())
                    .isEqualTo(201);
            assertThat(service.header("Idempotency-Key", key).post("/api/orders/" + order + "/payments", payment("100.00", "CASH")).status())
                    .isEqualTo(201);
            assertThat(detail(order).json().at("/payments").size()).isEqualTo(2);
        }
    }

    @Nested
    class OtherCommands {
        @Test
        void assignAndUnassignAnExecutor() {
            String order = placeDeskOrder(4);
            Api.Response assigned = manager.put("/api/orders/" + order + "/executor",
                    "{\"executorId\":\"service\",\"executorName\":\"Пётр Иванов\"}");
            assertThat(assigned.status()).isEqualTo(200);
            assertThat(detail(order).text("/executor/name")).isEqualTo("Пётр Иванов");
            assertThat(manager.delete("/api/orders/" + order + "/executor").status()).isEqualTo(200);
            assertThat(detail(order).json().at("/executor").isNull()).isTrue();
            assertThat(manager.put("/api/orders/" + order + "/executor", "{\"executorId\":\"\"}").code()).isEqualTo("validation-failed");
        }

        @Test
        void postPublicAndInternalMessages() {
            String order = placeDeskOrder(4);
            Api.Response posted = manager.post("/api/orders/" + order + "/messages", "{\"visibility\":\"INTERNAL\",\"text\":\"Место у окна\"}");
            assertThat(posted.status()).isEqualTo(201);
            assertThat(posted.text("/messageId")).isNotBlank();
            assertThat(manager.post("/api/orders/" + order + "/messages", "{\"visibility\":\"PUBLIC\",\"text\":\"Ждём вас\"}").status())
                    .isEqualTo(201);
            assertThat(manager.post("/api/orders/" + order + "/messages",
                    "{\"visibility\":\"PUBLIC\",\"text\":\"" + "я".repeat(4001) + "\"}").code()).isEqualTo("validation-failed");
            assertThat(manager.post("/api/orders/" + order + "/messages", "{\"visibility\":\"SECRET\",\"text\":\"x\"}").code())
                    .isEqualTo("validation-failed");
        }

        @Test
        void cancelThenPaymentIsRefusedAndDeskRefundsSettleWhatIsOwed() {
            String order = placeDeskOrder(4);
            assertThat(manager.post("/api/orders/" + order + "/refunds", payment("10.00", "CASH")).code()).isEqualTo("nothing-to-refund");
            assertThat(manager.post("/api/orders/" + order + "/payments", payment("150.00", "CASH")).status()).isEqualTo(201);
            assertThat(manager.post("/api/orders/" + order + "/cancellation", "{\"reason\":\"\"}").code()).isEqualTo("validation-failed");

            Api.Response cancelled = manager.post("/api/orders/" + order + "/cancellation", "{\"reason\":\"Гость передумал\"}");
            assertThat(cancelled.status()).isEqualTo(200);
            Api.Response detail = detail(order);
            assertThat(detail.text("/status")).isEqualTo("CANCELLED");
            assertThat(detail.text("/cancellation/reason")).isEqualTo("Гость передумал");
            assertThat(detail.text("/cancellation/by/name")).isEqualTo("Ирина Соколова");
            assertThat(detail.text("/refundDue/value")).isEqualTo("150.00");
            assertThat(detail.text("/paymentStatus")).isEqualTo("REFUND_PENDING");

            Api.Response payment = manager.post("/api/orders/" + order + "/payments", payment("50.00", "CASH"));
            assertThat(payment.status()).isEqualTo(409);
            assertThat(payment.code()).isEqualTo("order-final");
            assertThat(manager.post("/api/orders/" + order + "/cancellation", "{\"reason\":\"ещё раз\"}").code()).isEqualTo("order-final");

            assertThat(manager.post("/api/orders/" + order + "/refunds", payment("150.01", "CASH")).code())
                    .isEqualTo("amount-exceeds-refund-due");
            Api.Response refunded = manager.post("/api/orders/" + order + "/refunds", payment("150.00", "CASH"));
            assertThat(refunded.status()).isEqualTo(201);
            Api.Response settled = detail(order);
            assertThat(settled.text("/refundDue/value")).isEqualTo("0.00");
            assertThat(settled.text("/paymentStatus")).isEqualTo("REFUNDED");
            assertThat(settled.text("/paymentStatusLabel")).isEqualTo("Возвращен");
        }

        @Test
        void completionAfterTheRentalOnlyForConfirmedOrders() {
            String future = placeDeskOrder(4);
            Api.Response early = manager.post("/api/orders/" + future + "/completion", null);
            assertThat(early.status()).isEqualTo(409);
            assertThat(early.code()).isEqualTo("rental-not-over");

            // the same order once its rental is over (the service's clock a minute past its end): completed, and only once
            java.time.Duration over = pastTheEndOf(clock, manager, future);
            assertThat(over).as("the rental is ahead").isPositive();
            Api.Response done = clock.ahead(over, () -> manager.post("/api/orders/" + future + "/completion", null));
            assertThat(done.status()).as(done.toString()).isEqualTo(200);
            assertThat(detail(future).text("/status")).isEqualTo("COMPLETED");
            assertThat(detail(future).text("/statusLabel")).isEqualTo("Выполнен");
            Api.Response again = clock.ahead(over, () -> manager.post("/api/orders/" + future + "/completion", null));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.code()).isEqualTo("order-final");

            // an order still awaiting its online payment is not completed, even after its rental
            String awaiting = placeOnline();
            Api.Response notConfirmed = clock.ahead(pastTheEndOf(clock, manager, awaiting), () -> manager.post("/api/orders/" + awaiting + "/completion", null));
            assertThat(notConfirmed.status()).isEqualTo(409);
            assertThat(notConfirmed.code()).isEqualTo("order-not-confirmed");
        }

        @Test
        void unknownOrdersAre404() {
            for (String id : new String[]{"00000000-0000-4000-8000-000000000000", "not-a-uuid", "1006313"}) {
                Api.Response answer = manager.post("/api/orders/" + id + "/payments", payment("100.00", "CASH"));
                assertThat(answer.status()).as(id).isEqualTo(404);
                assertThat(answer.code()).isEqualTo("not-found");
                assertThat(manager.get("/api/orders/" + id).status()).isEqualTo(404);
            }
        }

        @Test
        void catalogListsServicesWithTariffsAndTheMinimum() {
            Api.Response catalog = manager.get("/api/catalog/services");
            assertThat(catalog.status()).isEqualTo(200);
            assertThat(catalog.text("/0/id")).isEqualTo("coworking-2nd-floor");
            assertThat(catalog.text("/0/name")).isEqualTo("Коворкинг на 2 этаже");
            assertThat(catalog.text("/0/minimumRemainder/value")).isEqualTo("50.00");
            assertThat(catalog.text("/0/tariffs/0/unitPrice/value")).isEqualTo("100.00");
            assertThat(catalog.json().at("/0/tariffs/0/prepaymentPercent").asInt()).isEqualTo(25);
            // the demo's cancellation policy: until 2 hours before the start, everything paid back
            assertThat(catalog.json().at("/0/cancellationPolicy/guestCutoffMinutes").asLong()).isEqualTo(120);
            assertThat(catalog.json().at("/0/cancellationPolicy/guestRefundPercent").asInt()).isEqualTo(100);
            assertThat(catalog.json().at("/0/bookingHorizonDays").asLong()).isEqualTo(365);
        }

        @Test
        void aQuotePricesAnOrderAsPlacingItWouldInTheServicesZone() {
            String day = today().plusDays(2).toString();
            Api.Response halfHour = manager.get("/api/catalog/services/coworking-2nd-floor/quote?tariffId=standard&date=" + day
                    + "&from=10:00&to=13:30&paymentPlan=PARTIAL");
            assertThat(halfHour.status()).as("bookings are whole hours: " + halfHour).isEqualTo(400);
            assertThat(halfHour.text("/field")).isEqualTo("rentalPeriod");
            assertThat(halfHour.text("/detail")).startsWith("Аренда — целыми часами");
            Api.Response quote = manager.get("/api/catalog/services/coworking-2nd-floor/quote?tariffId=standard&date=" + day
                    + "&from=10:00&to=14:00&paymentPlan=PARTIAL");
            assertThat(quote.status()).as(quote.toString()).isEqualTo(200);
            // 4 hours × 100 ₽; the prepayment is 25 %; the minimum 50 ₽
            assertThat(quote.json().at("/hours").asLong()).isEqualTo(4);
            assertThat(quote.text("/lines/0/description")).isEqualTo("Коворкинг на 2 этаже, тариф «Стандарт»");
            assertThat(quote.text("/total/value")).isEqualTo("400.00");
            assertThat(quote.text("/prepayment/value")).isEqualTo("100.00");
            assertThat(quote.text("/minimumRemainder/value")).isEqualTo("50.00");
            // the local times are the service's (Perm, +05:00), whatever the server's or the browser's zone
            assertThat(quote.text("/rentalPeriod/start")).isEqualTo(day + "T10:00:00+05:00");
            assertThat(quote.text("/rentalPeriod/end")).isEqualTo(day + "T14:00:00+05:00");
            assertThat(manager.get("/api/catalog/services/coworking-2nd-floor/quote?tariffId=standard&date=" + day
                    + "&from=10:00&to=14:00").text("/prepayment/value")).as("FULL: everything before the rental").isEqualTo("400.00");

            // placing the order with the quote's period gives the quoted price (online: the quoted prepayment is due)
            String body = orderBody(2, 4, "PARTIAL").replaceFirst("\"rentalPeriod\":\\{[^}]*}",
                    "\"rentalPeriod\":" + quote.json().at("/rentalPeriod").toString());
            Api.Response placed = guest.post("/api/my/orders", body);
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            Api.Response detail = detail(placed.text("/orderId"));
            assertThat(detail.text("/total/value")).isEqualTo("400.00");
            assertThat(detail.text("/prepaymentDue/value")).isEqualTo("100.00");
            assertThat(detail.text("/rentalPeriod/end")).isEqualTo(day + "T14:00:00+05:00");
        }

        @Test
        void aQuoteRefusesWhatPlacingWouldRefuseSayingWhichField() {
            String day = today().plusDays(2).toString();
            String base = "/api/catalog/services/coworking-2nd-floor/quote?";
            record Case(String query, String field) {
            }
            for (Case c : List.of(
                    new Case("tariffId=standard&date=31.12.2026&from=10:00&to=12:00", "date"),
                    new Case("tariffId=standard&date=" + day + "&from=10&to=12:00", "from"),
                    new Case("tariffId=standard&date=" + day + "&to=12:00", "from"),
                    new Case("tariffId=standard&date=" + day + "&from=12:00&to=10:00", "rentalPeriod"),
                    new Case("tariffId=vip&date=" + day + "&from=10:00&to=12:00", "tariffId"),
                    new Case("tariffId=standard&date=" + day + "&from=10:00&to=12:00&paymentPlan=HALF", "paymentPlan"),
                    new Case("tariffId=standard&date=" + today().plusYears(2) + "&from=10:00&to=12:00", "rentalPeriod.start"))) {
                Api.Response answer = manager.get(base + c.query());
                assertThat(answer.status()).as(c.query() + " → " + answer).isEqualTo(400);
                assertThat(answer.code()).isEqualTo("validation-failed");
                assertThat(answer.text("/field")).as(c.query()).isEqualTo(c.field());
            }
            assertThat(manager.get("/api/catalog/services/sauna/quote?tariffId=standard&date=" + day + "&from=10:00&to=12:00")
                    .text("/field")).isEqualTo("serviceId");
            // nobody books the past: the guest is told it is over, the desk where today's bookings may start
            String yesterday = today().minusDays(1).toString();
            String past = base + "tariffId=standard&date=" + yesterday + "&from=10:00&to=12:00";
            assertThat(guest.get(past).status()).isEqualTo(400);
            assertThat(guest.get(past).text("/detail")).isEqualTo("Период аренды уже прошёл.");
            Api.Response desk = manager.get(past);
            assertThat(desk.status()).isEqualTo(400);
            assertThat(desk.text("/field")).isEqualTo("rentalPeriod.start");
            assertThat(desk.text("/detail")).startsWith("Аренда не может начинаться в прошлом").endsWith("с начала текущего часа.");
        }
    }

    @Nested
    class WhoMayDoWhat {
        @Test
        void anonymousIs401() {
            Api.Response answer = anonymous.post("/api/orders", orderBody(3, 4, "FULL"));
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.code()).isEqualTo("unauthenticated");
            assertThat(answer.header("WWW-Authenticate")).isNull();
            assertThat(anonymous.header("Authorization", "Basic bWFuYWdlcjp3cm9uZw==").get("/api/catalog/services").status())
                    .isEqualTo(401);
        }

        @Test
        void auditorsReadButChangeNothingAndGuestsStayOut() {
            String order = placeDeskOrder(4);
            assertThat(auditor.get("/api/orders/" + order).status()).isEqualTo(200);
            Api.Response[] attempts = {
                    auditor.post("/api/orders", orderBody(3, 4, "FULL")),
                    auditor.post("/api/orders/" + order + "/payments", payment("100.00", "CASH")),
                    auditor.put("/api/orders/" + order + "/executor", "{\"executorId\":\"a\",\"executorName\":\"b\"}"),
                    auditor.delete("/api/orders/" + order + "/executor"),
                    auditor.post("/api/orders/" + order + "/cancellation", "{\"reason\":\"x\"}"),
                    auditor.post("/api/orders/" + order + "/messages", "{\"visibility\":\"PUBLIC\",\"text\":\"x\"}"),
                    auditor.post("/api/orders/" + order + "/completion", null),
                    auditor.post("/api/orders/" + order + "/refunds", payment("1.00", "CASH")),
                    guest.get("/api/orders/" + order),
                    guest.post("/api/orders/" + order + "/payments", payment("100.00", "CASH"))};
            for (Api.Response attempt : attempts) {
                assertThat(attempt.status()).as(attempt.toString()).isEqualTo(403);
                assertThat(attempt.code()).isEqualTo("forbidden");
            }
            assertThat(detail(order).text("/version")).isEqualTo("0");
        }

        @Test
        void serviceManagersWorkOrdersToo() {
            String order = placeDeskOrder(4);
            assertThat(service.post("/api/orders/" + order + "/payments", payment("100.00", "CASH")).status()).isEqualTo(201);
        }
    }

    @Test
    void operatorsGetOpenApiHealthAndMetrics() {
        Api.Response openApi = anonymous.get("/v3/api-docs");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().at("/paths").has("/api/orders/{orderId}/payments")).isTrue();
        assertThat(openApi.body()).as("the signed-in actor is never a request parameter").doesNotContain("\"name\":\"actor\"");
        // Money as the API writes it, not as its Java fields
        assertThat(openApi.json().at("/components/schemas/ManagerPaymentRequest/properties/amount/$ref").asText())
                .isEqualTo("#/components/schemas/Money");
        com.fasterxml.jackson.databind.JsonNode amount = openApi.json().at("/components/schemas/Money");
        assertThat(amount.at("/properties/value/example").asText()).as(amount.toString()).isEqualTo("400.00");
        assertThat(amount.at("/properties/currency/example").asText()).isEqualTo("RUB");
        assertThat(openApi.body()).doesNotContain("\"minor\"");
        assertThat(management.get("/actuator/health").text("/status")).isEqualTo("UP");
        assertThat(anonymous.get("/readyz").status()).as("readiness for load balancers on the API's port").isEqualTo(200);
        placeDeskOrder(1);
        Api.Response metrics = management.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("commandBus").contains("eventStore");
        assertThat(anonymous.get("/actuator/prometheus").status()).as("no metrics on the public port").isEqualTo(404);
    }
}

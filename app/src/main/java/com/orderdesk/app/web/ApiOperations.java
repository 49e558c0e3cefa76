package com.orderdesk.app.web;

import com.orderdesk.shared.error.ErrorCode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.orderdesk.shared.error.ErrorCode.*;

/** What each operation of the API is, says and answers: the table {@link ApiContract} writes into the document. */
final class ApiOperations {
    private ApiOperations() {
    }

    enum Area {
        ACCOUNT("Account", "Who is signed in, and the CSRF token the web admin's forms send."),
        CATALOG("Catalog", "Services, tariffs, the cancellation policy and prices quoted by the server."),
        DESK_ORDERS("Desk orders", "Orders as rental managers work them: list, form, payments, refunds, messages, executor."),
        GUEST_ORDERS("Guest orders", "A guest's own bookings: place, read, write, cancel, pay online."),
        REPORTS("Reports", "The cash report of a service's day."),
        RECEPTION("Reception", "«Приём гостей»: the day's guests, check-in by the pass or the number, check-out, no-show; the "
                + "guest's pass."),
        SPACE("Space", "What the services' places hold: the day board and the hours held beyond the capacity."),
        AUDIT("Audit", "An order's history as stored, its state at any moment, and the seal that shows tampering."),
        PROJECTIONS("Projections", "Read models: their lag, rebuilding them, dead letters (admins)."),
        NOTIFICATIONS("Notifications", "Turning mail about orders off from a link in a mail."),
        WEBHOOK("Gateway webhook", "The payment gateway's notifications (YooKassa format)."),
        SIMULATOR("Gateway simulator", "The demo's YooKassa-compatible gateway (API v3 subset), its checkout page, its register "
                + "of receipts, its sent mail and its controls. Only with the `demo` profile.");

        private final String tag;
        private final String description;

        Area(String tag, String description) {
            this.tag = tag;
            this.description = description;
        }

        String tag() {
            return tag;
        }

        String description() {
            return description;
        }
    }

    /** Who may call: a signed-in person (Basic in the demo, a JWT in production), the simulator's shop, anyone. */
    enum Access {
        USER, SHOP, PUBLIC
    }

    record Op(String key, String operationId, Area area, Access access, int success, String successDescription, String summary,
              String description, boolean idempotent, boolean ifMatch, List<ErrorCode> errors) {
    }

    private static final List<ErrorCode> AUTH = List.of(UNAUTHENTICATED, FORBIDDEN, TOO_MANY_REQUESTS, INTERNAL_ERROR);
    private static final List<ErrorCode> BODY = List.of(VALIDATION_FAILED, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE);
    private static final List<ErrorCode> WRITE = List.of(VALIDATION_FAILED, IDEMPOTENCY_KEY_IN_USE, IDEMPOTENCY_KEY_REUSED,
            CONCURRENT_MODIFICATION, UNAVAILABLE);
    private static final List<ErrorCode> SIMULATOR = List.of(VALIDATION_FAILED, NOT_FOUND);

    private static List<ErrorCode> codes(List<?>... groups) {
        Set<ErrorCode> all = new LinkedHashSet<>();
        for (List<?> group : groups) {
            group.forEach(code -> all.add((ErrorCode) code));
        }
        return List.copyOf(all);
    }

    /** The table while its static initializer fills it; {@link #TABLE} once it is done. */
    private static final List<Op> OPERATIONS = new ArrayList<>();

    private static void op(String key, String id, Area area, Access access, int success, String answer, String summary,
                           String description, boolean idempotent, boolean ifMatch, List<ErrorCode> errors) {
        OPERATIONS.add(new Op(key, id, area, access, success, answer, summary, description, idempotent, ifMatch, errors));
    }

    static {
        Access u = Access.USER;
        // --- account ---
        op("GET /api/me", "getMe", Area.ACCOUNT, u, 200, "The signed-in person", "Who am I",
                "The signed-in person: id, name, role, e-mail; what the pages show and ask for.", false, false, AUTH);
        op("GET /csrf", "getCsrfToken", Area.ACCOUNT, Access.PUBLIC, 200, "The token and the header to send it in", "CSRF token",
                "The token a browser session sends with writes (HTTP Basic and bearer clients need none).", false, false,
                List.of(NOT_ACCEPTABLE, INTERNAL_ERROR));
        // --- catalog ---
        op("GET /api/catalog/services", "listServices", Area.CATALOG, u, 200, "The services the caller may book or work",
                "Services and tariffs", "Services with their tariffs, time zone, minimum remainder, cancellation policy and (for "
                        + "staff) responsible staff. Staff see the services they are responsible for.", false, false, AUTH);
        op("GET /api/catalog/services/{serviceId}/quote", "quotePrice", Area.CATALOG, u, 200, "The price the order would have",
                "Quote a price", "What an order would cost before it is placed: lines, total, prepayment due online, minimum "
                        + "remainder. Prices are the server's; clients never send one.", false, false,
                codes(AUTH, List.of(VALIDATION_FAILED, NOT_FOUND)));
        op("GET /api/catalog/services/{serviceId}/availability", "getAvailability", Area.CATALOG, u, 200,
                "Every open hour from `from` to `to` with its free places", "Free hours",
                "The service's bookable hours (whole hours inside opening hours, in its zone) between two local dates, both "
                        + "included, at most 62 days, each with its free places of `capacity` (null when not tracked). "
                        + "Decided by the same code as placing an order.", false, false,
                codes(AUTH, List.of(VALIDATION_FAILED, NOT_FOUND)));
        // --- desk orders ---
        op("GET /api/orders", "listOrders", Area.DESK_ORDERS, u, 200, "A page of orders", "List orders",
                "Orders of the caller's services, filtered, searched (number, ticket, name, phone) and sorted, a page at a time.",
                false, false, codes(AUTH, List.of(VALIDATION_FAILED)));
        op("POST /api/orders", "placeOrder", Area.DESK_ORDERS, u, 201, "Placed: its id, number and version (also `ETag`)",
                "Place an order at the desk", "A walk-in guest's order: priced by the server, confirmed at once (nothing to prepay). "
                        + "Whole hours inside opening hours, each with a free place (`no-capacity` names the full ones).",
                true, false, codes(AUTH, BODY, WRITE, List.of(NO_CAPACITY)));
        op("GET /api/orders/export", "exportOrders", Area.DESK_ORDERS, u, 200, "The orders as a file", "Export orders",
                "Every order the filters select, as XLSX or CSV (`format`).", false, false,
                codes(AUTH, List.of(VALIDATION_FAILED, NOT_ACCEPTABLE)));
        op("GET /api/orders/{orderId}", "getOrder", Area.DESK_ORDERS, u, 200, "The order form; `ETag` is its version",
                "Read an order", "The order form: status, money, lines, payments, refunds, receipts, executor, visitor.", false, false,
                codes(AUTH, List.of(NOT_FOUND, EVENT_UNREADABLE)));
        op("GET /api/orders/by-number/{number}", "getOrderByNumber", Area.DESK_ORDERS, u, 200, "The order form",
                "Read an order by its number", "The same form, found by the number people say (1006313).", false, false,
                codes(AUTH, List.of(NOT_FOUND)));
        op("GET /api/orders/{orderId}/timeline", "getOrderTimeline", Area.DESK_ORDERS, u, 200, "The timeline, oldest first",
                "Read an order's timeline", "System lines, public and internal messages with their authors.", false, false,
                codes(AUTH, List.of(NOT_FOUND)));
        op("GET /api/orders/{orderId}/updates", "streamOrderUpdates", Area.DESK_ORDERS, u, 200, "Server-sent events: the form "
                + "after each change", "Follow an order", "A stream of the order form each time it changes (Server-Sent Events).",
                false, false, codes(AUTH, List.of(NOT_FOUND)));
        op("POST /api/orders/{orderId}/payments", "recordDeskPayment", Area.DESK_ORDERS, u, 201, "Recorded: the payment id and "
                + "the order's new version", "Record a desk payment", "Money taken at the desk (cash, card terminal, transfer). "
                + "Never more than the remainder; never leaves between 0 and the minimum remainder (50 ₽).", true, true,
                codes(AUTH, BODY, WRITE, List.of(NOT_FOUND, ORDER_FINAL, ORDER_NOT_PAYABLE, PAYMENT_ID_CONFLICT, VERSION_MISMATCH,
                        AMOUNT_EXCEEDS_REMAINDER, REMAINDER_BELOW_MINIMUM)));
        op("POST /api/orders/{orderId}/refunds", "recordDeskRefund", Area.DESK_ORDERS, u, 201, "Recorded: the refund id and the "
                + "new version", "Record a desk refund", "Money owed back, paid out at the desk; never more than is owed.", true,
                true, codes(AUTH, BODY, WRITE, List.of(NOT_FOUND, NOTHING_TO_REFUND, PAYMENT_ID_CONFLICT, VERSION_MISMATCH,
                        AMOUNT_EXCEEDS_REFUND_DUE)));
        op("POST /api/orders/{orderId}/messages", "postStaffMessage", Area.DESK_ORDERS, u, 201, "Posted: the message id and the "
                + "new version", "Post a message", "A public message (the guest sees it) or an internal one (staff only).", true,
                true, codes(AUTH, BODY, WRITE, List.of(NOT_FOUND, VERSION_MISMATCH)));
        op("PUT /api/orders/{orderId}/executor", "assignExecutor", Area.DESK_ORDERS, u, 200, "The new version", "Assign the executor",
                "One of the service's responsible staff executes the order.", true, true,
                codes(AUTH, BODY, WRITE, List.of(NOT_FOUND, ORDER_FINAL, VERSION_MISMATCH)));
        op("DELETE /api/orders/{orderId}/executor", "unassignExecutor", Area.DESK_ORDERS, u, 200, "The new version",
                "Take the executor off", "The order has no executor any more.", true, true,
                codes(AUTH, WRITE, List.of(NOT_FOUND, ORDER_FINAL, VERSION_MISMATCH)));
        op("POST /api/orders/{orderId}/cancellation", "cancelOrderAtDesk", Area.DESK_ORDERS, u, 200, "The new version",
                "Cancel an order", "Cancels with a reason. Without `refundAmount` everything paid is owed back (online money "
                        + "through the gateway, the rest at the desk); `0.00` refunds nothing; never more than paid.", true, true,
                codes(AUTH, BODY, WRITE, List.of(NOT_FOUND, ORDER_FINAL, VERSION_MISMATCH, REFUND_EXCEEDS_PAID)));
        op("POST /api/orders/{orderId}/rescheduling", "rescheduleOrder", Area.DESK_ORDERS, u, 200, "The new version",
                "Move an order", "To another period: whole hours inside opening hours, each with a free place (its own old hours "
                        + "count as free to it; they are given up together). Priced again: more to pay makes the remainder grow, "
                        + "less is owed back as a cancellation's refund is. A confirmed order only.", true, true,
                codes(AUTH, BODY, WRITE, List.of(NOT_FOUND, ORDER_FINAL, ORDER_NOT_CONFIRMED, NO_CAPACITY, VERSION_MISMATCH)));
        op("POST /api/orders/{orderId}/completion", "completeOrder", Area.DESK_ORDERS, u, 200, "The new version",
                "Complete an order", "A confirmed order whose rental is over is done (a prepayment is then settled by a receipt).",
                true, true, codes(AUTH, WRITE, List.of(NOT_FOUND, ORDER_FINAL, ORDER_NOT_CONFIRMED, RENTAL_NOT_OVER,
                        VERSION_MISMATCH)));
        op("POST /api/orders/{orderId}/check-in", "checkInGuest", Area.RECEPTION, u, 200, "When the guest checked in, and "
                + "`already` when it was before", "Check the guest in", "From the order's form or ticket: a confirmed, paid order "
                + "on its rental's day (from the service's `check-in-from` before its start until its end). A second check-in "
                + "changes nothing and answers with the first.", true, true, codes(AUTH, WRITE, List.of(NOT_FOUND, ORDER_FINAL,
                        ORDER_NOT_CONFIRMED, ORDER_NO_SHOW, CHECK_IN_WRONG_DAY, ORDER_NOT_PAID, VERSION_MISMATCH)));
        op("POST /api/orders/{orderId}/check-out", "checkOutGuest", Area.RECEPTION, u, 200, "The new version", "Check the guest out",
                "Optional: the checked-in guest left.", true, true, codes(AUTH, WRITE, List.of(NOT_FOUND, CHECK_IN_STATE,
                        VERSION_MISMATCH)));
        op("POST /api/orders/{orderId}/no-show", "markNoShow", Area.RECEPTION, u, 200, "The new version", "Mark «Не пришёл»",
                "Once the rental started, for a guest who did not check in: the order's places are freed, the money paid stays "
                        + "(a cancellation may still refund it). The service's `no-show-after` does it on its own.", true, true,
                codes(AUTH, WRITE, List.of(NOT_FOUND, ORDER_FINAL, ORDER_NOT_CONFIRMED, ORDER_NO_SHOW, CHECK_IN_STATE,
                        RENTAL_NOT_STARTED, VERSION_MISMATCH)));
        op("GET /api/orders/{orderId}/pass", "getPass", Area.RECEPTION, u, 200, "The pass's code and the ticket's number",
                "The guest's pass", "A confirmed order's pass: the code a scanner reads (the order's number and 24 signed digits).",
                false, false, codes(AUTH, List.of(NOT_FOUND, ORDER_NOT_CONFIRMED)));
        op("GET /api/orders/{orderId}/pass.svg", "getPassPicture", Area.RECEPTION, u, 200, "The pass as a QR code (SVG)",
                "The pass's QR code", "The pass's code as a QR code, to show or print.", false, false,
                codes(AUTH, List.of(NOT_FOUND, ORDER_NOT_CONFIRMED)));
        op("GET /api/reception/today", "getReceptionDay", Area.RECEPTION, u, 200, "The day's guests by their start",
                "The day's guests", "The caller's services' orders whose rental falls on `date` (each service's local day; today "
                        + "when absent): where each guest stands — expected, not paid, in, left, not come, cancelled.", false, false,
                codes(AUTH, List.of(VALIDATION_FAILED, NOT_FOUND)));
        op("POST /api/reception/check-in", "checkInAtReception", Area.RECEPTION, u, 200, "«Проходите» or «Уже отметились в …», "
                + "with the guest", "Check in by pass or number", "`code`: the pass a scanner typed, or the ticket's or order's "
                + "number typed by hand. A refusal names the guest (`orderId`, `number`, `ticketNumber`, `visitorName`) and, for "
                + "`order-not-paid`, the `remainder` to take at the desk.", true, false, codes(AUTH, BODY, WRITE,
                        List.of(NOT_FOUND, PASS_INVALID, ORDER_FINAL, ORDER_NOT_CONFIRMED, ORDER_NO_SHOW, CHECK_IN_WRONG_DAY,
                                ORDER_NOT_PAID)));
        // --- guest orders ---
        op("GET /api/my/orders", "listMyOrders", Area.GUEST_ORDERS, u, 200, "A page of the guest's orders", "List my orders",
                "The signed-in guest's own orders.", false, false, codes(AUTH, List.of(VALIDATION_FAILED)));
        op("POST /api/my/orders", "placeMyOrder", Area.GUEST_ORDERS, u, 201, "Placed: id, number, version", "Book online",
                "A guest's booking: waits for its prepayment (paid online) before it is confirmed; its places are held "
                        + "until the payment deadline.", true, false,
                codes(AUTH, BODY, WRITE, List.of(NO_CAPACITY)));
        op("GET /api/my/orders/{orderId}", "getMyOrder", Area.GUEST_ORDERS, u, 200, "The order as the guest sees it",
                "Read my order", "The guest's view: no internal notes, staff shown as «менеджер».", false, false,
                codes(AUTH, List.of(NOT_FOUND)));
        op("GET /api/my/orders/{orderId}/pass", "getMyPass", Area.GUEST_ORDERS, u, 200, "The pass's code and the ticket's number",
                "My pass", "The pass to show at the reception, once the booking is confirmed.", false, false,
                codes(AUTH, List.of(NOT_FOUND, ORDER_NOT_CONFIRMED)));
        op("GET /api/my/orders/{orderId}/pass.svg", "getMyPassPicture", Area.GUEST_ORDERS, u, 200, "The pass as a QR code (SVG)",
                "My pass's QR code", "To show at the reception from the phone.", false, false,
                codes(AUTH, List.of(NOT_FOUND, ORDER_NOT_CONFIRMED)));
        op("GET /api/my/orders/{orderId}/calendar.ics", "getMyBookingCalendar", Area.GUEST_ORDERS, u, 200, "The booking as an "
                + "iCalendar file", "Add to my calendar", "«Добавить в календарь»: the booking as one event (the mails' `UID`, its "
                + "latest `SEQUENCE`; cancelled when the booking is).", false, false, codes(AUTH, List.of(NOT_FOUND)));
        op("GET /api/my/orders/{orderId}/timeline", "getMyOrderTimeline", Area.GUEST_ORDERS, u, 200, "System lines and public "
                + "messages", "Read my order's timeline", "Without internal messages.", false, false, codes(AUTH, List.of(NOT_FOUND)));
        op("GET /api/my/orders/{orderId}/updates", "streamMyOrderUpdates", Area.GUEST_ORDERS, u, 200, "Server-sent events",
                "Follow my order", "The guest's view each time the order changes.", false, false, codes(AUTH, List.of(NOT_FOUND)));
        op("POST /api/my/orders/{orderId}/messages", "postMyMessage", Area.GUEST_ORDERS, u, 201, "Posted", "Write to the manager",
                "A public message from the guest.", true, false, codes(AUTH, BODY, WRITE, List.of(NOT_FOUND)));
        op("POST /api/my/orders/{orderId}/cancellation", "cancelMyOrder", Area.GUEST_ORDERS, u, 200, "The new version",
                "Cancel my booking", "Until the service's cut-off; what comes back follows its policy.", true, true,
                codes(AUTH, BODY, WRITE, List.of(NOT_FOUND, ORDER_FINAL, CANCELLATION_WINDOW_CLOSED, VERSION_MISMATCH)));
        op("POST /api/my/orders/{orderId}/rescheduling", "rescheduleMyOrder", Area.GUEST_ORDERS, u, 200, "The new version",
                "Move my booking", "To another period, until the service's cancellation cut-off; priced again.", true, true,
                codes(AUTH, BODY, WRITE, List.of(NOT_FOUND, ORDER_FINAL, ORDER_NOT_CONFIRMED, CANCELLATION_WINDOW_CLOSED, NO_CAPACITY,
                        VERSION_MISMATCH)));
        op("POST /api/my/orders/{orderId}/payment", "payMyOrderOnline", Area.GUEST_ORDERS, u, 201, "The gateway's page to pay on",
                "Pay online", "What is still owed, as a gateway payment: open `confirmationUrl` to pay.", true, false,
                codes(AUTH, WRITE, List.of(NOT_FOUND, ORDER_FINAL, ORDER_NOT_PAYABLE)));
        // --- reports ---
        op("GET /api/reports/cash", "getCashReport", Area.REPORTS, u, 200, "The day's payments and refunds", "Cash report",
                "A service's day: payments and refunds by method and by person, with totals; `format=xlsx` as a file.", false, false,
                codes(AUTH, List.of(VALIDATION_FAILED, NOT_FOUND)));
        // --- space ---
        op("GET /api/space/board", "getDayBoard", Area.SPACE, u, 200, "Each service × each open hour of the day",
                "Day board", "«Загрузка»: the caller's services, every open hour of a day (`date`, the service's local one; "
                        + "today when absent), occupied of capacity, with the orders holding it.", false, false,
                codes(AUTH, List.of(VALIDATION_FAILED, NOT_FOUND)));
        op("GET /api/space/overbooked", "listOverbookedHours", Area.SPACE, u, 200, "Hours from today on held beyond the capacity",
                "Overlaps", "«Пересечения»: hours that orders placed before the places were tracked hold beyond the capacity, "
                        + "with those orders — to move or cancel.", false, false, AUTH);
        // --- audit ---
        op("GET /api/audit/orders/{order}/events", "getOrderEvents", Area.AUDIT, u, 200, "Every event as stored, with who, "
                + "when, why and its seal", "An order's history", "Auditors: the events of an order (id or number) as stored; "
                + "CSV with `format=csv`.", false, false, codes(AUTH, List.of(NOT_FOUND, NOT_ACCEPTABLE)));
        op("GET /api/audit/orders/{order}/state", "getOrderStateAt", Area.AUDIT, u, 200, "The order form as of `at`",
                "An order as it stood", "The order form folded from its events up to a moment.", false, false,
                codes(AUTH, List.of(VALIDATION_FAILED, NOT_FOUND)));
        op("GET /api/audit/orders/{order}/verify", "verifyOrder", Area.AUDIT, u, 200, "Whether the chain of seals is intact",
                "Verify an order", "Recomputes the seal of every event of the order: the first bad one, if any.", false, false,
                codes(AUTH, List.of(NOT_FOUND)));
        op("POST /api/audit/verification", "startStoreVerification", Area.AUDIT, u, 202, "Started: read its progress at "
                + "`Location`", "Verify the whole store", "Checks every order's seals in the background.", true, false,
                codes(AUTH, WRITE));
        op("GET /api/audit/verification", "getStoreVerification", Area.AUDIT, u, 200, "Progress and the broken orders found",
                "Store verification", "Where the store check stands.", false, false, AUTH);
        op("GET /api/audit/actions", "listOperatorActions", Area.AUDIT, u, 200, "The latest operator actions",
                "Operator actions", "Replays, dead-letter retries and store checks: who did them and when.", false, false,
                codes(AUTH, List.of(VALIDATION_FAILED)));
        // --- projections ---
        op("GET /api/admin/projections", "listProjections", Area.PROJECTIONS, u, 200, "Every read model's state",
                "Read models", "Position, head, lag, replaying, dead letters.", false, false, AUTH);
        op("GET /api/admin/projections/{name}", "getProjection", Area.PROJECTIONS, u, 200, "One read model's state",
                "A read model", "Its position, lag and segments.", false, false, codes(AUTH, List.of(NOT_FOUND)));
        op("POST /api/admin/projections/{name}/replay", "replayProjection", Area.PROJECTIONS, u, 202, "Started: follow it at "
                + "`Location`", "Rebuild a read model", "Replays the store into it; reads stay served meanwhile.", true, false,
                codes(AUTH, WRITE, List.of(NOT_FOUND)));
        op("POST /api/admin/projections/{name}/dead-letters/retry", "retryDeadLetters", Area.PROJECTIONS, u, 200,
                "How many were processed", "Retry dead letters", "Processes the read model's parked events again.", true, false,
                codes(AUTH, WRITE, List.of(NOT_FOUND)));
        // --- notifications ---
        op("GET /api/notifications/unsubscribe", "askUnsubscribe", Area.NOTIFICATIONS, Access.PUBLIC, 200, "A page that asks",
                "Unsubscribe: ask", "From a mail's link: asks to confirm (a GET changes nothing).", false, false,
                List.of(NOT_FOUND, INTERNAL_ERROR));
        op("POST /api/notifications/unsubscribe", "unsubscribe", Area.NOTIFICATIONS, Access.PUBLIC, 200, "A page that says it "
                + "is done", "Unsubscribe", "Turns mail off for the signed link's address.", true, false,
                List.of(NOT_FOUND, VALIDATION_FAILED, IDEMPOTENCY_KEY_IN_USE, IDEMPOTENCY_KEY_REUSED, INTERNAL_ERROR));
        op("GET /api/notifications/confirm", "askConfirmAddress", Area.NOTIFICATIONS, Access.PUBLIC, 200, "A page that asks",
                "Confirm an address: ask", "From the one mail sent to an address a guest gave that is not theirs: asks to "
                        + "confirm (a GET changes nothing).", false, false, List.of(NOT_FOUND, INTERNAL_ERROR));
        op("POST /api/notifications/confirm", "confirmAddress", Area.NOTIFICATIONS, Access.PUBLIC, 200, "A page that says it "
                + "is done", "Confirm an address", "Lets the order's mail go to the signed link's address (held mails go out).",
                true, false, List.of(NOT_FOUND, VALIDATION_FAILED, IDEMPOTENCY_KEY_IN_USE, IDEMPOTENCY_KEY_REUSED, INTERNAL_ERROR));
        // --- webhook ---
        op("POST /api/webhooks/payments", "receivePaymentNotification", Area.WEBHOOK, Access.PUBLIC, 200, "Taken: it will be "
                + "processed once", "Gateway notification", "YooKassa's `payment.*` / `refund.*` notifications. Only a known "
                + "network (and, if configured, a valid signature) is heard; the body is never trusted — the gateway is asked.",
                false, false, List.of(VALIDATION_FAILED, FORBIDDEN, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, INTERNAL_ERROR));
        // --- simulator ---
        Access shop = Access.SHOP;
        op("POST /simulator/v3/payments", "simulatorCreatePayment", Area.SIMULATOR, shop, 200, "The payment", "Create a payment",
                "YooKassa `POST /v3/payments` (two-stage with `capture: false`); checks receipt data as YooKassa does. Takes "
                        + "`Idempotence-Key`.", false, false, SIMULATOR);
        op("GET /simulator/v3/payments/{id}", "simulatorGetPayment", Area.SIMULATOR, shop, 200, "The payment", "Read a payment",
                "YooKassa `GET /v3/payments/{id}`.", false, false, SIMULATOR);
        op("POST /simulator/v3/payments/{id}/capture", "simulatorCapturePayment", Area.SIMULATOR, shop, 200, "The payment",
                "Capture a payment", "Takes all or part of an authorized payment (with the receipt of what is taken).", false,
                false, SIMULATOR);
        op("POST /simulator/v3/payments/{id}/cancel", "simulatorCancelPayment", Area.SIMULATOR, shop, 200, "The payment",
                "Release a payment", "Releases a payment waiting for capture.", false, false, SIMULATOR);
        op("POST /simulator/v3/refunds", "simulatorCreateRefund", Area.SIMULATOR, shop, 200, "The refund", "Create a refund",
                "YooKassa `POST /v3/refunds`, with its refund receipt.", false, false, SIMULATOR);
        op("GET /simulator/v3/refunds", "simulatorListRefunds", Area.SIMULATOR, shop, 200, "The payment's refunds",
                "List refunds", "YooKassa `GET /v3/refunds?payment_id=`.", false, false, SIMULATOR);
        op("GET /simulator/v3/refunds/{id}", "simulatorGetRefund", Area.SIMULATOR, shop, 200, "The refund", "Read a refund",
                "YooKassa `GET /v3/refunds/{id}`.", false, false, SIMULATOR);
        op("POST /simulator/v3/receipts", "simulatorCreateReceipt", Area.SIMULATOR, shop, 200, "The receipt", "Create a receipt",
                "YooKassa `POST /v3/receipts`: a settlement receipt of a prepayment.", false, false, SIMULATOR);
        op("GET /simulator/v3/receipts", "simulatorListReceipts", Area.SIMULATOR, shop, 200, "The receipts", "List receipts",
                "YooKassa `GET /v3/receipts?payment_id=` or `?refund_id=`.", false, false, SIMULATOR);
        op("GET /simulator/checkout/{id}", "simulatorCheckoutPage", Area.SIMULATOR, Access.PUBLIC, 200, "The page",
                "Checkout page", "The hosted page where the guest pays or declines (HTML).", false, false, List.of(NOT_FOUND));
        op("POST /simulator/checkout/{id}/pay", "simulatorCheckoutPay", Area.SIMULATOR, Access.PUBLIC, 303, "Back to the shop",
                "Pay on the checkout page", "The guest pays.", false, false, List.of(NOT_FOUND));
        op("POST /simulator/checkout/{id}/decline", "simulatorCheckoutDecline", Area.SIMULATOR, Access.PUBLIC, 303,
                "Back to the shop", "Decline on the checkout page", "The guest declines.", false, false, List.of(NOT_FOUND));
        op("POST /simulator/control/payments/{id}/{outcome}", "simulatorSettlePayment", Area.SIMULATOR, Access.PUBLIC, 200,
                "The payment", "Pay or decline by script", "`succeed` or `cancel` a pending payment, as the guest would.", false,
                false, SIMULATOR);
        op("GET /simulator/control/payments", "simulatorPaymentsOfOrder", Area.SIMULATOR, Access.PUBLIC, 200, "The payments",
                "An order's payments", "Every payment the gateway holds for an order.", false, false, List.of(VALIDATION_FAILED));
        op("POST /simulator/control/payments/{id}/refund", "simulatorDashboardRefund", Area.SIMULATOR, Access.PUBLIC, 200,
                "The refund", "Refund from the gateway's dashboard", "A refund nobody here asked for.", false, false, SIMULATOR);
        op("GET /simulator/control/receipts", "simulatorReceiptsOfOrder", Area.SIMULATOR, Access.PUBLIC, 200, "The receipts",
                "An order's receipts", "Every receipt the register holds for an order's payments.", false, false,
                List.of(VALIDATION_FAILED));
        op("POST /simulator/control/faults", "simulatorSetFaults", Area.SIMULATOR, Access.PUBLIC, 200, "The faults now in force",
                "Misbehave on purpose", "Failures, timeouts, duplicate or lost notifications, refused refunds, receipts "
                        + "canceled or rejected.", false, false, List.of(VALIDATION_FAILED));
        op("POST /simulator/control/notify/{event}/{id}", "simulatorNotify", Area.SIMULATOR, Access.PUBLIC, 200,
                "The notification sent", "Send a notification", "Sends the webhook a notification about a payment or refund.",
                false, false, SIMULATOR);
        op("GET /simulator/mail", "simulatorMailPage", Area.SIMULATOR, Access.PUBLIC, 200, "The page", "Sent mail",
                "The demo's mail server: what was sent to guests (HTML).", false, false, List.of(NOT_ACCEPTABLE, INTERNAL_ERROR));
        op("GET /simulator/mail.json", "simulatorMail", Area.SIMULATOR, Access.PUBLIC, 200, "The mails", "Sent mail as JSON",
                "The same as JSON.", false, false, List.of(NOT_ACCEPTABLE, INTERNAL_ERROR));
    }

    /**
     * The table by «METHOD path», fixed once the class is loaded. {@code ApiOperationsTableTest} holds it against the
     * operations the controllers serve, both ways: a served operation without a row, or a row nothing serves, fails it.
     */
    private static final Map<String, Op> TABLE = freeze();

    private static Map<String, Op> freeze() {
        Map<String, Op> map = new LinkedHashMap<>();
        OPERATIONS.forEach(op -> {
            if (map.put(op.key(), op) != null) {
                throw new IllegalStateException("Operation described twice: " + op.key());
            }
        });
        OPERATIONS.clear();
        return java.util.Collections.unmodifiableMap(map);
    }

    static Map<String, Op> byKey() {
        return TABLE;
    }

    /** Parameters whose meaning their name alone does not say. */
    static String parameterDescription(String name) {
        return switch (name) {
            case "orderId" -> "The order's id (a UUID)";
            case "order" -> "The order's id or number";
            case "number" -> "The order's number, e.g. 1006313";
            case "serviceId" -> "A catalog service's id, e.g. coworking-2nd-floor";
            case "tariffId" -> "A tariff's id within the service";
            case "status" -> "Order status filter (AWAITING_PAYMENT, CONFIRMED, CANCELLED, COMPLETED, NO_SHOW)";
            case "paymentStatus" -> "Payment status filter";
            case "executorId" -> "Executor filter: a staff id";
            case "q" -> "Search: number, ticket, visitor's name or phone";
            case "createdFrom", "createdTo" -> "Created on or after / before this day (service's zone), YYYY-MM-DD";
            case "sort" -> "Sort field and direction, e.g. createdAt,desc";
            case "page" -> "Page number, from 0";
            case "size" -> "Page size, 1–100";
            case "format" -> "File format: xlsx or csv";
            case "date" -> "A day in the service's zone, YYYY-MM-DD";
            case "from", "to" -> "Local time of day, HH:mm";
            case "endDate" -> "Last day of a multi-day rental, YYYY-MM-DD";
            case "paymentPlan" -> "FULL or PARTIAL";
            case "at" -> "A moment (ISO-8601 instant): the state as of then";
            case "limit" -> "At most this many";
            case "name" -> "A read model: order-list, order-detail, order-timeline or cash-book";
            case "token" -> "The signed token from the mail's link";
            case "X-Signature" -> "HMAC-SHA256 of the body, when a signing secret is configured";
            case "Idempotence-Key" -> "YooKassa's idempotence key: the same key returns the same object";
            case "id" -> "The gateway object's id";
            case "outcome" -> "succeed or cancel";
            case "event" -> "The notification's event, e.g. payment.succeeded";
            case "amount" -> "Amount in rubles, e.g. 40.00";
            case "payment_id" -> "The payment's id";
            case "refund_id" -> "The refund's id";
            default -> name;
        };
    }

    /** A problem example's detail, in the words the service uses. */
    static String exampleDetail(ErrorCode code) {
        return switch (code) {
            case REMAINDER_BELOW_MINIMUM -> "Остаток к оплате не должен быть менее 50 ₽: после оплаты осталось бы 40 ₽.";
            case NOT_FOUND -> "Заказ не найден.";
            case UNAUTHENTICATED -> "Войдите в систему.";
            case TOO_MANY_REQUESTS -> "Слишком много неудачных попыток входа. Повторите через 30 с.";
            case FORBIDDEN -> "Недостаточно прав.";
            case VERSION_MISMATCH -> "Заказ изменился (версия 6, у вас 5). Обновите страницу и повторите.";
            case VALIDATION_FAILED -> "Сумма оплаты должна быть больше нуля.";
            case NO_CAPACITY -> "«Переговорная на 3 этаже»: на 14.12.2026 10:00–11:00 (время местное) свободных мест нет. Выберите другое время.";
            default -> Arrays.stream(code.code().split("-")).reduce((a, b) -> a + " " + b).orElse(code.code()) + ".";
        };
    }
}

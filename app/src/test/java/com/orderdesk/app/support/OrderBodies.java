package com.orderdesk.app.support;

import java.time.LocalDate;
import java.time.ZoneId;

/** Request bodies of a desk or guest order, as the API takes them. */
public final class OrderBodies {
    public static final ZoneId PERM = ZoneId.of("Asia/Yekaterinburg");

    private OrderBodies() {
    }

    /**
     * A place-order body at «Коворкинг на 2 этаже», «Стандарт»: {@code hours} from 10:00 on {@code day} in Perm, the
     * visitor giving {@code email} (none when null).
     */
    public static String order(LocalDate day, int hours, String plan, String email) {
        String start = day.atTime(10, 0).atZone(PERM).toOffsetDateTime().toString();
        String end = day.atTime(10 + hours, 0).atZone(PERM).toOffsetDateTime().toString();
        return """
                {"serviceId":"coworking-2nd-floor","tariffId":"standard",
                 "rentalPeriod":{"start":"%s","end":"%s"},"ticketNumber":"301",
                 "visitor":{"name":"Светлана Орлова","phone":"+7 912 555-12-34"%s},
                 "applicant":{"name":"Светлана Орлова","role":"Гость локации","phone":"8 912 555 12 34"},
                 "paymentPlan":"%s"}""".formatted(start, end, email == null ? "" : ",\"email\":\"" + email + "\"", plan);
    }

    public static String money(String value) {
        return "{\"value\":\"" + value + "\",\"currency\":\"RUB\"}";
    }

    public static String payment(String value, String method) {
        return "{\"amount\":" + money(value) + ",\"method\":\"" + method + "\"}";
    }
}

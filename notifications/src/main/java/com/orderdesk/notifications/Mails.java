package com.orderdesk.notifications;

import org.springframework.web.util.HtmlUtils;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The mails' words: Russian, plain text and HTML, the order's number, service and period in the service's zone. */
final class Mails {
    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy г.", RU);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", RU);

    private Mails() {
    }

    /** What the mails need of an order. */
    record OrderFacts(String orderId, String number, String serviceName, ZoneId zone, Instant rentalStart, Instant rentalEnd,
                      String email, String guestId) {
        String period() {
            ZonedDateTime start = rentalStart.atZone(zone);
            ZonedDateTime end = rentalEnd.atZone(zone);
            return start.toLocalDate().equals(end.toLocalDate())
                    ? start.format(DAY) + ", с " + start.format(TIME) + " до " + end.format(TIME)
                    : "с " + start.format(DAY) + " " + start.format(TIME) + " до " + end.format(DAY) + " " + end.format(TIME);
        }
    }

    record Mail(MailKind kind, String subject, String text, String html) {
    }

    /** A mail of paragraphs, with the order's particulars, the way to the order and the way out of mail. */
    static Mail compose(MailKind kind, OrderFacts order, String subject, List<String> paragraphs, String orderLink, String unsubscribeLink) {
        List<String> facts = List.of("Заказ № " + order.number(), order.serviceName(), order.period() + " (время местное)");
        StringBuilder text = new StringBuilder("Здравствуйте!\n\n");
        paragraphs.forEach(p -> text.append(p).append("\n\n"));
        facts.forEach(f -> text.append(f).append('\n'));
        if (orderLink != null) {
            text.append("\nЗаказ в приложении: ").append(orderLink).append('\n');
        }
        text.append("\n—\nOrder Desk. Письмо отправлено автоматически, отвечать на него не нужно.\n")
                .append("Не хотите получать письма о заказах: ").append(unsubscribeLink).append('\n');

        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"ru\"><body style=\"font-family:Arial,sans-serif;color:#1f2937\">")
                .append("<p>Здравствуйте!</p>");
        paragraphs.forEach(p -> html.append("<p>").append(escape(p)).append("</p>"));
        html.append("<table style=\"border-collapse:collapse;margin:12px 0\">");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Заказ", "№ " + order.number()});
        rows.add(new String[] {"Услуга", order.serviceName()});
        rows.add(new String[] {"Когда", order.period() + " (время местное)"});
        for (String[] row : rows) {
            html.append("<tr><td style=\"padding:2px 12px 2px 0;color:#6b7280\">").append(escape(row[0])).append("</td><td><b>")
                    .append(escape(row[1])).append("</b></td></tr>");
        }
        html.append("</table>");
        if (orderLink != null) {
            html.append("<p><a href=\"").append(escape(orderLink)).append("\">Открыть заказ</a></p>");
        }
        html.append("<p style=\"color:#6b7280;font-size:12px\">Order Desk. Письмо отправлено автоматически, отвечать на него не нужно.<br>")
                .append("<a href=\"").append(escape(unsubscribeLink)).append("\">Отписаться от писем о заказах</a></p></body></html>");
        return new Mail(kind, subject, text.toString(), html.toString());
    }

    static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}

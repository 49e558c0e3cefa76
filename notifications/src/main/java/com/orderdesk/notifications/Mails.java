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

    /**
     * {@code invite}: the booking for the guest's calendar, attached (issue 30); {@code passCode}: the guest's pass, whose
     * QR picture the sender puts in the mail ({@code cid:pass}); null for mails without them.
     */
    record Mail(MailKind kind, String subject, String text, String html, Invite invite, String passCode) {
        Mail(MailKind kind, String subject, String text, String html) {
            this(kind, subject, text, html, null, null);
        }

        Mail with(Invite invite) {
            return new Mail(kind, subject, text, html, invite, passCode);
        }
    }

    /** A paragraph with the guest's pass (issue 30): its code in words, its QR picture in the HTML. */
    record Pass(String code) {
    }

    /** An iCalendar attachment: its iTIP method ({@code REQUEST}, {@code CANCEL}) and its text. */
    record Invite(String method, String ics) {
    }

    /**
     * Words someone else wrote (the guest's reason), shown in a mail as theirs — introduced by {@code whose} and quoted —
     * never as the coworking's own.
     */
    record Quote(String whose, String text) {
    }

    /** The one thing the reader of a mail may do from it (open the order, confirm the address): its line in text, its link in HTML. */
    record Action(String label, String linkText, String url) {
    }

    /** A mail of paragraphs, with the order's particulars, the way to the order and the way out of mail. */
    static Mail compose(MailKind kind, OrderFacts order, String subject, List<?> paragraphs, String orderLink, String unsubscribeLink) {
        return compose(kind, order, subject, paragraphs, orderLink == null ? null : new Action("Заказ в приложении", "Открыть заказ", orderLink), unsubscribeLink);
    }

    /** The same with {@code action} as its link. Paragraphs are the coworking's words ({@code String}) or quotes ({@link Quote}). */
    static Mail compose(MailKind kind, OrderFacts order, String subject, List<?> paragraphs, Action action, String unsubscribeLink) {
        List<String> facts = List.of("Заказ № " + order.number(), order.serviceName(), order.period() + " (время местное)");
        StringBuilder text = new StringBuilder("Здравствуйте!\n\n");
        String passCode = null;
        for (Object paragraph : paragraphs) {
            if (paragraph instanceof Pass pass) {
                passCode = pass.code();
                text.append("Пропуск для входа — покажите его на ресепшене (он же на странице заказа): ").append(pass.code()).append("\n\n");
            } else if (paragraph instanceof Quote quote) {
                text.append(quote.whose()).append(":\n");
                // every line of it marked as theirs, whatever breaks it (\n, \r, U+2028, U+2029…)
                for (String line : quote.text().split("\\R", -1)) {
                    text.append("> ").append(line).append('\n');
                }
                text.append('\n');
            } else {
                text.append(paragraph).append("\n\n");
            }
        }
        facts.forEach(f -> text.append(f).append('\n'));
        if (action != null) {
            text.append('\n').append(action.label()).append(": ").append(action.url()).append('\n');
        }
        text.append("\n—\nOrder Desk. Письмо отправлено автоматически, отвечать на него не нужно.\n")
                .append("Не хотите получать письма о заказах: ").append(unsubscribeLink).append('\n');

        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"ru\"><body style=\"font-family:Arial,sans-serif;color:#1f2937\">")
                .append("<p>Здравствуйте!</p>");
        for (Object paragraph : paragraphs) {
            if (paragraph instanceof Pass pass) {
                html.append("<p>Пропуск для входа — покажите его на ресепшене:</p><p><img src=\"cid:pass\" alt=\"QR-код пропуска\" ")
                        .append("width=\"200\" height=\"200\"></p><p style=\"font-family:monospace;font-size:15px\">")
                        .append(escape(pass.code())).append("</p>");
            } else if (paragraph instanceof Quote quote) {
                html.append("<p>").append(escape(quote.whose())).append(":</p><blockquote style=\"margin:8px 0;padding:4px 12px;")
                        .append("border-left:3px solid #d1d5db;color:#374151\">")
                        .append(String.join("<br>", escape(quote.text()).split("\\R", -1))).append("</blockquote>");
            } else {
                html.append("<p>").append(escape(String.valueOf(paragraph))).append("</p>");
            }
        }
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
        if (action != null) {
            html.append("<p><a href=\"").append(escape(action.url())).append("\">").append(escape(action.linkText())).append("</a></p>");
        }
        html.append("<p style=\"color:#6b7280;font-size:12px\">Order Desk. Письмо отправлено автоматически, отвечать на него не нужно.<br>")
                .append("<a href=\"").append(escape(unsubscribeLink)).append("\">Отписаться от писем о заказах</a></p></body></html>");
        return new Mail(kind, subject, text.toString(), html.toString(), null, passCode);
    }

    static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}

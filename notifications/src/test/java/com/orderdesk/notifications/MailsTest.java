package com.orderdesk.notifications;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The mails' words: the period in the service's zone, and nothing a guest or manager typed runs as HTML. */
class MailsTest {
    private static final ZoneId PERM = ZoneId.of("Asia/Yekaterinburg");

    private static Mails.OrderFacts order(Instant start, Instant end) {
        return new Mails.OrderFacts("o-1", "1006313", "Коворкинг на 2 этаже", PERM, start, end, "troshkov@example.com", "guest");
    }

    @Test
    void thePeriodIsTheServicesLocalTimeOnOneDayOrAcrossDays() {
        assertThat(order(Instant.parse("2023-08-11T11:00:00Z"), Instant.parse("2023-08-11T15:00:00Z")).period())
                .isEqualTo("11 августа 2023 г., с 16:00 до 20:00");
        assertThat(order(Instant.parse("2023-08-11T11:00:00Z"), Instant.parse("2023-08-12T05:00:00Z")).period())
                .isEqualTo("с 11 августа 2023 г. 16:00 до 12 августа 2023 г. 10:00");
    }

    @Test
    void whatPeopleTypedIsEscapedInTheHtmlAndKeptInTheText() {
        Mails.Mail mail = Mails.compose(MailKind.MESSAGE, order(Instant.parse("2023-08-11T11:00:00Z"), Instant.parse("2023-08-11T15:00:00Z")),
                "Новое сообщение по заказу № 1006313", List.of("<script>alert(1)</script> & «вход Б»"),
                "http://localhost/my/orders/o-1", "http://localhost/api/notifications/unsubscribe?token=a.b");
        assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; «вход Б»");
        assertThat(mail.text()).contains("<script>alert(1)</script> & «вход Б»").contains("Заказ № 1006313")
                .contains("Заказ в приложении: http://localhost/my/orders/o-1")
                .contains("http://localhost/api/notifications/unsubscribe?token=a.b");
        assertThat(mail.html()).contains("href=\"http://localhost/api/notifications/unsubscribe?token=a.b\"");
    }

    @Test
    void everyLineAGuestWroteIsQuotedAsTheirsWhateverBreaksIt() {
        String reason = "Передумал\r\nВаш аккаунт заблокирован\u2028Подтвердите карту\u2029http://evil.example";
        Mails.Mail mail = Mails.compose(MailKind.CANCELLED, order(Instant.parse("2023-08-11T11:00:00Z"), Instant.parse("2023-08-11T15:00:00Z")),
                "Заказ № 1006313 отменён", List.of("Заказ № 1006313 отменён (вами).", new Mails.Quote("Причина, которую вы указали", reason)),
                "http://localhost/my/orders/o-1", "http://localhost/api/notifications/unsubscribe?token=a.b");
        assertThat(mail.text()).contains("Причина, которую вы указали:\n> Передумал\n> Ваш аккаунт заблокирован\n> Подтвердите карту\n"
                + "> http://evil.example\n");
        assertThat(mail.text().lines().filter(line -> line.contains("evil.example") || line.contains("заблокирован")))
                .allMatch(line -> line.startsWith("> "));
        assertThat(mail.html()).contains("<blockquote").contains("Передумал<br>Ваш аккаунт заблокирован<br>Подтвердите карту<br>http://evil.example");
    }
}

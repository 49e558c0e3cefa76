package com.orderdesk.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 26: outside the demo the mail sender is Spring Boot's, from {@code spring.mail.*} — and Jakarta Mail waits
 * forever unless told otherwise. The service's own settings (application.yml) bound every connect, read and write, so a
 * server that never answers holds a sender for seconds, not for good ({@code MailSlowServerTest} shows what a bound does).
 */
class MailDefaultsTest {
    @Test
    void outsideTheDemoEveryConnectReadAndWriteToTheMailServerIsBounded() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MailSenderAutoConfiguration.class)
                .web(WebApplicationType.NONE).properties("spring.mail.host=mail.example.com").run()) {
            JavaMailSenderImpl sender = (JavaMailSenderImpl) context.getBean(JavaMailSender.class);
            assertThat(sender.getHost()).isEqualTo("mail.example.com");
            assertThat(sender.getSession().getProperty("mail.smtp.connectiontimeout")).isEqualTo("10000");
            assertThat(sender.getSession().getProperty("mail.smtp.timeout")).isEqualTo("30000");
            assertThat(sender.getSession().getProperty("mail.smtp.writetimeout")).isEqualTo("30000");
            assertThat(sender.getSession().getProperty("mail.mime.allowutf8")).isEqualTo("true");
        }
    }
}

package com.orderdesk.app.demo;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mail in the demo: its own SMTP server, the mail sender pointed at it, and {@code /simulator/mail} — what was sent,
 * newest first, as a guest's mail client would show it ({@code /simulator/mail.json} for scripts and tests).
 * {@code orderdesk.demo.embedded-mail=false} leaves mail to {@code spring.mail.*} (the cluster test's shared server).
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnProperty(name = "orderdesk.demo.embedded-mail", havingValue = "true", matchIfMissing = true)
class DemoMail {

    @Bean(initMethod = "start", destroyMethod = "stop")
    DemoMailServer demoMailServer(@Value("${orderdesk.demo.mail-port:0}") int port) {
        return new DemoMailServer(port);
    }

    /**
     * The demo's sender: to its own server, or through {@code orderdesk.demo.mail-sender-port} (a relay in front of it);
     * every connect, read and write bounded by {@code orderdesk.demo.mail-timeout}.
     */
    @Bean
    JavaMailSenderImpl mailSender(DemoMailServer server, @Value("${orderdesk.demo.mail-sender-port:0}") int senderPort,
                                  @Value("${orderdesk.demo.mail-timeout:5s}") java.time.Duration timeout) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(senderPort > 0 ? senderPort : server.port());
        sender.setDefaultEncoding("UTF-8");
        String millis = String.valueOf(timeout.toMillis());
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", millis);
        sender.getJavaMailProperties().put("mail.smtp.timeout", millis);
        sender.getJavaMailProperties().put("mail.smtp.writetimeout", millis);
        sender.getJavaMailProperties().put("mail.mime.allowutf8", "true");
        return sender;
    }

    /**
     * One mail as the page and the tests read it; {@code calendar}: its iCalendar attachment, if any, and {@code images}:
     * the pictures in it (the pass's QR code), issue 30.
     */
    record SentMail(String to, String subject, String sentAt, String messageId, String text, String html, String calendar, int images) {
    }

    @RestController
    @Profile("demo")
    @ConditionalOnProperty(name = "orderdesk.demo.embedded-mail", havingValue = "true", matchIfMissing = true)
    static class MailPage {
        private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm:ss");
        private final DemoMailServer server;
        private final ZoneId zone;

        MailPage(DemoMailServer server, @Value("${orderdesk.time-zone:Europe/Moscow}") String zone) {
            this.server = server;
            this.zone = ZoneId.of(zone);
        }

        @GetMapping(path = "/simulator/mail.json", produces = MediaType.APPLICATION_JSON_VALUE)
        List<SentMail> mails() throws Exception {
            List<SentMail> mails = new ArrayList<>();
            for (MimeMessage message : server.received()) {
                Map<String, String> parts = new java.util.HashMap<>();
                collect(message, parts);
                mails.add(new SentMail(String.join(", ", java.util.Arrays.stream(message.getAllRecipients()).map(Object::toString).toList()),
                        message.getSubject(), message.getSentDate() == null ? null
                        : AT.format(message.getSentDate().toInstant().atZone(zone)), message.getMessageID(),
                        parts.getOrDefault("text/plain", ""), parts.getOrDefault("text/html", ""), parts.get("text/calendar"),
                        Integer.parseInt(parts.getOrDefault("images", "0"))));
            }
            return mails;
        }

        @GetMapping(path = "/simulator/mail", produces = MediaType.TEXT_HTML_VALUE)
        String page() throws Exception {
            List<SentMail> mails = new ArrayList<>(mails());
            java.util.Collections.reverse(mails);
            StringBuilder html = new StringBuilder("<!doctype html><html lang=\"ru\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Письма гостям — демо</title>"
                    + "<link rel=\"stylesheet\" href=\"/assets/app.css\"></head><body><header><h1>Письма гостям (демо)</h1>"
                    + "<span class=\"who\">SMTP 127.0.0.1:" + server.port() + (server.running() ? "" : " — остановлен") + "</span></header><main>");
            if (mails.isEmpty()) {
                html.append("<div class=\"card section\"><p class=\"muted\">Писем ещё нет. Оформите заказ с адресом эл. почты посетителя.</p></div>");
            }
            for (SentMail mail : mails) {
                html.append("<div class=\"card section mail\"><h2>").append(esc(mail.subject())).append("</h2><p class=\"muted\">Кому: ")
                        .append(esc(mail.to())).append(" · ").append(esc(mail.sentAt())).append("</p>")
                        .append("<iframe title=\"").append(esc(mail.subject())).append("\" sandbox style=\"width:100%;height:340px;border:1px solid #e5e7eb;border-radius:8px\" srcdoc=\"")
                        .append(esc(mail.html())).append("\"></iframe></div>");
            }
            return html.append("</main></body></html>").toString();
        }

        private static String esc(String text) {
            return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
        }

        private static void collect(Part part, Map<String, String> parts) throws Exception {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    collect(body, parts);
                }
            } else if (part.isMimeType("text/plain")) {
                parts.putIfAbsent("text/plain", String.valueOf(part.getContent()));
            } else if (part.isMimeType("text/html")) {
                parts.putIfAbsent("text/html", String.valueOf(part.getContent()));
            } else if (part.isMimeType("image/*")) {
                parts.merge("images", "1", (a, b) -> String.valueOf(Integer.parseInt(a) + 1));
            } else if (part.isMimeType("text/calendar")) {
                try (java.io.InputStream in = part.getInputStream()) {
                    parts.putIfAbsent("text/calendar", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
    }
}

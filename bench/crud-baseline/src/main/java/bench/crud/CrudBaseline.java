package bench.crud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The plain CRUD service of issue 12's comparison: the same place-order, manager-payment (with the 50 ₽ rule under a
 * row lock) and detail endpoints, an idempotency table, the same H2 file store and HTTP Basic with plain-text
 * passwords. Deliberately ordinary: what a team would write instead of event sourcing.
 */
@SpringBootApplication
@RestController
public class CrudBaseline {
    private static final long MINIMUM = 5_000;
    private static final AtomicLong NUMBERS = new AtomicLong(1_006_313);

    @PersistenceContext
    private EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;

    CrudBaseline(PlatformTransactionManager transactionManager, ObjectMapper json) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
    }

    public static void main(String[] args) {
        SpringApplication.run(CrudBaseline.class, args);
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.requestMatchers("/ready").permitAll().anyRequest().authenticated())
                .httpBasic(basic -> { }).csrf(csrf -> csrf.disable()).build();
    }

    /**
     * Plain-text passwords, checked as such on every request: Spring's delegating encoder would upgrade them to bcrypt
     * at the first login and then spend ~70 ms per request (STACK.md), which is not what this yardstick measures.
     */
    @Bean
    @SuppressWarnings("deprecation")
    org.springframework.security.crypto.password.PasswordEncoder passwords() {
        return org.springframework.security.crypto.password.NoOpPasswordEncoder.getInstance();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(User.withUsername("manager").password("manager").roles("RENTAL_MANAGER").build());
    }

    @GetMapping("/ready")
    String ready() {
        return "ok";
    }

    @Entity
    @Table(name = "orders")
    static class OrderRow {
        @Id
        String id;
        String number;
        Instant createdAt;
        String serviceId;
        String visitorName;
        String visitorPhone;
        String ticket;
        Instant rentalStart;
        Instant rentalEnd;
        long totalMinor;
        long paidMinor;
        String status;
        @Version
        long version;
    }

    @Entity
    @Table(name = "payments", indexes = @jakarta.persistence.Index(name = "ix_payments_order", columnList = "orderId"))
    static class PaymentRow {
        @Id
        String id;
        String orderId;
        long amountMinor;
        String method;
        String recordedBy;
        Instant at;
    }

    @Entity
    @Table(name = "idempotency")
    static class IdempotencyRow {
        @Id
        String scope;
        int status;
        @Column(length = 4000)
        String body;
    }

    private ResponseEntity<String> idempotent(Principal principal, String key, int status, java.util.function.Supplier<Object> work) {
        String scope = principal.getName() + "\n" + (key == null ? UUID.randomUUID() : key);
        try {
            return transactions.execute(tx -> {
                IdempotencyRow seen = entityManager.find(IdempotencyRow.class, scope);
                if (seen != null) {
                    return ResponseEntity.status(seen.status).header("Content-Type", "application/json").body(seen.body);
                }
                Object result = work.get();
                IdempotencyRow row = new IdempotencyRow();
                row.scope = scope;
                row.status = status;
                row.body = write(result);
                entityManager.persist(row);
                return ResponseEntity.status(status).header("Content-Type", "application/json").body(row.body);
            });
        } catch (Refused refused) {
            return ResponseEntity.status(refused.status).header("Content-Type", "application/problem+json")
                    .body("{\"code\":\"" + refused.code + "\"}");
        } catch (DataIntegrityViolationException twin) {
            return ResponseEntity.status(409).header("Content-Type", "application/problem+json").body("{\"code\":\"idempotency-key-in-use\"}");
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long amountOf(JsonNode body) {
        try {
            return new BigDecimal(body.at("/amount/value").asText()).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException malformed) {
            throw new Refused(400, "validation-failed");
        }
    }

    static final class Refused extends RuntimeException {
        final int status;
        final String code;

        Refused(int status, String code) {
            super(code, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    @PostMapping("/api/orders")
    ResponseEntity<String> place(@RequestBody JsonNode body, Principal principal,
                                 @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        return idempotent(principal, key, 201, () -> {
            Instant start = OffsetDateTime.parse(body.at("/rentalPeriod/start").asText()).toInstant();
            Instant end = OffsetDateTime.parse(body.at("/rentalPeriod/end").asText()).toInstant();
            if (!end.isAfter(start)) {
                throw new Refused(400, "validation-failed");
            }
            long hours = Math.max(1, (Duration.between(start, end).toMinutes() + 59) / 60);
            OrderRow order = new OrderRow();
            order.id = UUID.randomUUID().toString();
            order.number = Long.toString(NUMBERS.incrementAndGet());
            order.createdAt = Instant.now();
            order.serviceId = body.path("serviceId").asText();
            order.visitorName = body.at("/visitor/name").asText();
            order.visitorPhone = body.at("/visitor/phone").asText();
            order.ticket = body.path("ticketNumber").asText(null);
            order.rentalStart = start;
            order.rentalEnd = end;
            order.totalMinor = hours * 10_000;
            order.status = "CONFIRMED";
            entityManager.persist(order);
            return Map.of("orderId", order.id, "number", order.number, "version", 0);
        });
    }

    @PostMapping("/api/orders/{orderId}/payments")
    ResponseEntity<String> pay(@PathVariable String orderId, @RequestBody JsonNode body, Principal principal,
                               @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        return idempotent(principal, key, 201, () -> {
            long amount = amountOf(body);
            OrderRow order = entityManager.find(OrderRow.class, orderId, LockModeType.PESSIMISTIC_WRITE);
            if (order == null) {
                throw new Refused(404, "not-found");
            }
            long remainder = order.totalMinor - order.paidMinor;
            if (amount <= 0 || amount > remainder) {
                throw new Refused(422, "amount-exceeds-remainder");
            }
            long after = remainder - amount;
            if (after > 0 && after < MINIMUM) {
                throw new Refused(422, "remainder-below-minimum");
            }
            PaymentRow payment = new PaymentRow();
            payment.id = UUID.randomUUID().toString();
            payment.orderId = orderId;
            payment.amountMinor = amount;
            payment.method = body.path("method").asText();
            payment.recordedBy = principal.getName();
            payment.at = Instant.now();
            entityManager.persist(payment);
            order.paidMinor += amount;
            return Map.of("orderId", orderId, "paymentId", payment.id, "version", order.version + 1);
        });
    }

    @GetMapping("/api/orders/{orderId}")
    ResponseEntity<Map<String, Object>> detail(@PathVariable String orderId) {
        return transactions.execute(tx -> {
            OrderRow order = entityManager.find(OrderRow.class, orderId);
            if (order == null) {
                return ResponseEntity.notFound().build();
            }
            List<PaymentRow> payments = entityManager.createQuery("select p from CrudBaseline$PaymentRow p where p.orderId = :id order by p.at",
                    PaymentRow.class).setParameter("id", orderId).getResultList();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("orderId", order.id);
            detail.put("number", order.number);
            detail.put("status", order.status);
            detail.put("total", money(order.totalMinor));
            detail.put("paid", money(order.paidMinor));
            detail.put("remainder", money(order.totalMinor - order.paidMinor));
            detail.put("payments", payments.stream().map(p -> Map.of("paymentId", p.id, "amount", money(p.amountMinor),
                    "method", p.method, "at", p.at.toString())).toList());
            detail.put("version", order.version);
            return ResponseEntity.ok().eTag("\"" + order.version + "\"").body(detail);
        });
    }

    private static Map<String, String> money(long minor) {
        return Map.of("value", BigDecimal.valueOf(minor, 2).toPlainString(), "currency", "RUB");
    }
}

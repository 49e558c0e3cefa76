package com.orderdesk.app.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderdesk.app.HttpTestBase;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The request's transaction (docs/adr/017) where what runs inside it goes wrong in ways an HTTP test cannot bring
 * about: the filter of the running application's parts, around a chain that stands for the controller.
 */
class IdempotencyTransactionTest extends HttpTestBase {
    @Autowired
    IdempotencyStore store;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    CrashPoints crashPoints;

    private final String key = "inside-" + UUID.randomUUID();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private MockHttpServletResponse send(FilterChain controller) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("manager", null, List.of()));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/orders/some-order/messages");
        request.addHeader(IdempotencyFilter.HEADER, key);
        request.setContentType("application/json");
        request.setContent("{\"visibility\":\"INTERNAL\",\"text\":\"Привет\"}".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        new IdempotencyFilter(store, objectMapper, transactions, crashPoints).doFilter(request, response, controller);
        return response;
    }

    private int recordsOfTheKey() {
        return jdbc.queryForObject("select count(*) from idempotency_record where principal = 'manager' and scope_hash = ?", Integer.class,
                IdempotencyFilter.sha256("manager\n" + key));
    }

    @Test
    void aSuccessWhoseTransactionWasSpoiledInsideIsAnsweredAsAFailureAndNotKept() throws Exception {
        MockHttpServletResponse response = send((request, answer) -> {
            // something inside failed, was caught, and left the transaction able only to roll back
            TransactionStatus inside = transactions.getTransaction(TransactionDefinition.withDefaults());
            inside.setRollbackOnly();
            transactions.commit(inside);
            ((HttpServletResponse) answer).setStatus(201);
            answer.getWriter().write("{\"messageId\":\"m-1\"}");
        });
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString()).contains("\"code\":\"internal-error\"").contains("ничего не изменено");
        assertThat(recordsOfTheKey()).as("no answer kept: the retry runs the request").isZero();
    }

    @Test
    void aCommitThatFailsIsReportedAsItselfNotHiddenBehindASecondRollback() {
        assertThatThrownBy(() -> send((request, answer) -> {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    throw new IllegalStateException("the database refused the commit");
                }
            });
            ((HttpServletResponse) answer).setStatus(201);
        })).isExactlyInstanceOf(IllegalStateException.class).hasMessage("the database refused the commit");
        assertThat(recordsOfTheKey()).as("the failed commit kept nothing").isZero();
    }
}

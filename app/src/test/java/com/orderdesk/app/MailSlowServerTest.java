package com.orderdesk.app;

import com.orderdesk.app.demo.DemoMailServer;
import com.orderdesk.app.support.Await;
import com.orderdesk.app.support.OrderBodies;
import com.orderdesk.app.support.TestApp;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 26: an SMTP server that accepts a connection and never answers holds one mail sender, for at most its
 * timeout — never the node's mail. The service's mail goes through a relay that holds the first connection silent and
 * passes the others to the demo's server: the second order's mail arrives while the first's connection is still held,
 * and the first's mail arrives after its timeout, on its retry.
 */
class MailSlowServerTest {

    /** Accepts every connection; holds the first silent (until closed), pipes the others to the real server. */
    static final class HoldingRelay implements AutoCloseable {
        private final ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final AtomicInteger connections = new AtomicInteger();
        private final java.util.concurrent.atomic.AtomicBoolean senderGaveUp = new java.util.concurrent.atomic.AtomicBoolean();

        HoldingRelay(IntSupplier target) throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!listening.isClosed()) {
                    try {
                        Socket client = listening.accept();
                        if (connections.incrementAndGet() == 1) {
                            held.add(client); // accepted, and never a word
                            watchForTheSenderGivingUp(client);
                        } else {
                            Socket server = new Socket(InetAddress.getLoopbackAddress(), target.getAsInt());
                            pipe(client.getInputStream(), server.getOutputStream());
                            pipe(server.getInputStream(), client.getOutputStream());
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "holding-relay");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private static void pipe(InputStream in, OutputStream out) {
            Thread copy = new Thread(() -> {
                try (in; out) {
                    in.transferTo(out);
                } catch (IOException ended) {
                    // one side closed
                }
            });
            copy.setDaemon(true);
            copy.start();
        }

        int port() {
            return listening.getLocalPort();
        }

        /** Reads the held connection: the sender closing it (its timeout) ends the stream. */
        private void watchForTheSenderGivingUp(Socket client) {
            Thread watch = new Thread(() -> {
                try (InputStream in = client.getInputStream()) {
                    while (in.read() != -1) {
                        // a sender never writes before the server's greeting; whatever comes is ignored
                    }
                } catch (IOException closed) {
                    // closed by either side
                }
                senderGaveUp.set(true);
            }, "holding-relay-watch");
            watch.setDaemon(true);
            watch.start();
        }

        /** The held connection is still open on both sides: the sender is still waiting on it (not timed out). */
        boolean holding() {
            return held.size() == 1 && !held.get(0).isClosed() && !senderGaveUp.get();
        }

        @Override
        public void close() throws IOException {
            for (Socket socket : held) {
                socket.close();
            }
            listening.close();
        }
    }

    private static boolean delivered(TestApp app, String number) {
        return app.bean(DemoMailServer.class).received().stream().anyMatch(message -> subjectOf(message).contains(number));
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aServerThatNeverAnswersHoldsOneMailForItsTimeoutNeverTheOthers(@TempDir Path dir) throws Exception {
        TestApp[] running = new TestApp[1];
        try (HoldingRelay relay = new HoldingRelay(() -> running[0].bean(DemoMailServer.class).port())) {
            try (TestApp app = TestApp.start(dir, "--orderdesk.demo.mail-sender-port=" + relay.port(), "--orderdesk.demo.mail-timeout=8s",
                    "--orderdesk.notifications.poll=100ms", "--orderdesk.notifications.first-retry=500ms",
                    "--orderdesk.notifications.senders=2")) {
                running[0] = app;
                Api manager = app.as("manager");
                String first = manager.post("/api/orders", OrderBodies.order(app.clock().today(OrderBodies.PERM).plusDays(3), 2, "FULL",
                        "first@example.com")).text("/number");
                Await.until("the first mail's connection held by the silent server", relay::holding);
                String second = manager.post("/api/orders", OrderBodies.order(app.clock().today(OrderBodies.PERM).plusDays(3), 2, "FULL",
                        "second@example.com")).text("/number");

                Await.until("the second order's mail delivered", () -> delivered(app, second));
                assertThat(relay.holding()).as("the first mail's sender was still waiting on the silent server meanwhile "
                        + "(another sender delivered the second)").isTrue();
                assertThat(delivered(app, first)).isFalse();

                // the first gives up on the silent server after its timeout and goes through on its retry
                Await.until("the first mail's sender giving up on the silent server", () -> !relay.holding());
                Await.until("the first order's mail delivered after its timeout", () -> delivered(app, first));
                // the server has it before the sender records it: read the attempts once the outbox says sent
                String confirmed = "from notification_outbox o join notification_order n on n.order_id = o.order_id "
                        + "where n.order_number = ? and o.kind = 'CONFIRMED'";
                Await.until("the first order's mail recorded as sent", () -> "SENT".equals(
                        app.jdbc().queryForObject("select status " + confirmed, String.class, first)));
                assertThat(app.jdbc().queryForObject("select attempts " + confirmed, Integer.class, first))
                        .as("one try timed out, the next went through").isEqualTo(2);
            }
        }
    }
}

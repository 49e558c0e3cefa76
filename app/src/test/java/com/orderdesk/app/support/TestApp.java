package com.orderdesk.app.support;

import com.orderdesk.app.Api;
import com.orderdesk.app.OrderDeskApplication;
import com.orderdesk.app.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole application started by a test on a data directory of its own (H2 there, or a database named after it on
 * the embedded PostgreSQL: the same directory starts on the same data, as a restart does), demo profile, random ports,
 * no demo orders, a {@link TestClock}. The one way a test starts, stops and starts the service again.
 */
public final class TestApp implements AutoCloseable {
    private final ConfigurableApplicationContext context;

    private TestApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts the service on {@code dataDir}; {@code more} are further command-line properties ({@code --name=value}). */
    public static TestApp start(Path dataDir, String... more) {
        List<String> arguments = new ArrayList<>(TestDatabase.arguments(dataDir.toString()));
        arguments.addAll(List.of("--server.port=0", "--orderdesk.demo.seed-orders=false", "--spring.jmx.enabled=false"));
        if (java.util.Arrays.stream(more).noneMatch(argument -> argument.startsWith("--orderdesk.demo.coworking-capacity="))) {
            // the corpus books the coworking's same hours many times over; a test of capacity gives its own
            arguments.add("--orderdesk.demo.coworking-capacity=" + OrderBodies.CORPUS_CAPACITY);
        }
        for (String deadline : List.of("--orderdesk.demo.no-show-after=", "--orderdesk.demo.complete-after=")) {
            if (java.util.Arrays.stream(more).noneMatch(argument -> argument.startsWith(deadline))) {
                // the rental's deadlines go by db-scheduler's wall clock, not the test's: off unless a test asks for them
                arguments.add(deadline);
            }
        }
        arguments.addAll(List.of(more));
        return new TestApp(new SpringApplicationBuilder(OrderDeskApplication.class, TestClockConfiguration.class).profiles("demo")
                .run(arguments.toArray(String[]::new)));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A client without credentials. */
    public Api anonymous() {
        return Api.at(port());
    }

    /** A client signed in as a demo identity. */
    public Api as(String login) {
        return anonymous().as(login);
    }

    /** A desk order's body: {@code hours} from 10:00 in Perm, {@code daysAhead} days from today by this service's clock. */
    public String orderBody(int daysAhead, int hours, String plan) {
        return OrderBodies.order(clock().today(OrderBodies.PERM).plusDays(daysAhead), hours, plan, null);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    public TestClock clock() {
        return bean(TestClock.class);
    }

    @Override
    public void close() {
        context.close();
    }
}

package com.orderdesk.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.ActiveProfilesResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database the application tests run on: H2 in a temporary directory by default; a real PostgreSQL when the
 * build says {@code -Dorderdesk.test.database=postgres} (the surefire execution "postgres" of this module) —
 * one embedded PostgreSQL server per test JVM (from Maven, io.zonky.test), a fresh database per application.
 */
public final class TestDatabase {
    public static final boolean POSTGRES = "postgres".equals(System.getProperty("orderdesk.test.database"));
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Map<String, String> DATA_DIR_DATABASES = new ConcurrentHashMap<>();
    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    /** Profiles for {@code @ActiveProfiles(resolver = …)}: the demo, and PostgreSQL when asked for. */
    public static final class Profiles implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            return POSTGRES ? new String[] {"demo", "postgres"} : new String[] {"demo"};
        }
    }

    /** Profiles of a test of the production set-up (no demo): PostgreSQL when asked for, nothing else. */
    public static final class ProductionProfiles implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            return POSTGRES ? new String[] {"postgres"} : new String[0];
        }
    }

    /** A test application's store: H2 in {@code dataDir}, or a fresh database on the embedded PostgreSQL when asked for. */
    public static void register(org.springframework.test.context.DynamicPropertyRegistry registry, String dataDir) {
        registry.add("orderdesk.data-dir", () -> dataDir);
        // the rental's deadlines (issue 30) go by db-scheduler's wall clock, not the test's: off in the shared test
        // applications, whose orders would otherwise be marked «Не пришёл» depending on the hour the suite runs at
        registry.add("orderdesk.demo.no-show-after", () -> "");
        registry.add("orderdesk.demo.complete-after", () -> "");
        if (POSTGRES) {
            String url = newPostgresDatabase();
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> "postgres");
        }
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    // the applications' own shutdown hooks close their pools first; then the server
                    Thread.sleep(3000);
                    server.close();
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return server;
    }

    /** A new, empty PostgreSQL database; its JDBC URL. */
    public static String newPostgresDatabase() {
        String name = "orderdesk_" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
        try (Connection connection = server().getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    /** {@link #arguments} followed by {@code more}, as a command line. */
    public static String[] withArguments(String dataDir, String... more) {
        List<String> all = arguments(dataDir);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /**
     * Command-line properties for an application started by a test on its own data: {@code dataDir} for H2, or a
     * database named after it on the embedded PostgreSQL (the same dataDir gives the same database: restarts).
     */
    public static List<String> arguments(String dataDir) {
        List<String> arguments = new ArrayList<>(List.of("--orderdesk.data-dir=" + dataDir, "--management.server.port=0"));
        if (POSTGRES) {
            arguments.add("--spring.profiles.include=postgres");
            arguments.add("--spring.datasource.url=" + DATA_DIR_DATABASES.computeIfAbsent(dataDir, d -> newPostgresDatabase()));
            arguments.add("--spring.datasource.username=postgres");
        }
        return arguments;
    }
}

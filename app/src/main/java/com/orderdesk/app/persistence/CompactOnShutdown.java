package com.orderdesk.app.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The embedded store (H2 in a file) leaves its file compact when the service stops cleanly. H2 writes copy-on-write
 * chunks and, under a steady write load, keeps far more free space in the file than data: 2 000 orders with two
 * payments each left a 74 MB file holding 8 MB of data (docs/benchmarks.md). On a clean shutdown, once the connection
 * pool is closed (the data source depends on this bean, so it is destroyed first and every user of the database
 * before it), the file is opened once more and {@code SHUTDOWN COMPACT} rewrites it with its data only. H2 writes
 * the compacted copy beside the file and then replaces it, so a stop that is killed half-way leaves the file as it
 * was. PostgreSQL and in-memory databases are left alone. {@code orderdesk.store.compact-on-shutdown=false} turns it
 * off (a very large file takes a while to rewrite).
 */
@Configuration
@ConditionalOnProperty(name = "orderdesk.store.compact-on-shutdown", havingValue = "true", matchIfMissing = true)
public class CompactOnShutdown {
    private static final Logger log = LoggerFactory.getLogger(CompactOnShutdown.class);
    private static final String BEAN = "compactStoreOnShutdown";

    /** Makes every data source depend on the compaction bean: it is destroyed after them. */
    @Bean
    static BeanFactoryPostProcessor dataSourcesCompactAfterClosing() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(javax.sql.DataSource.class, true, false)) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                definition.setDependsOn(Stream.concat(Arrays.stream(dependsOn), Stream.of(BEAN)).toArray(String[]::new));
            }
        };
    }

    @Bean(BEAN)
    Compaction compactStoreOnShutdown(DataSourceProperties properties) {
        return new Compaction(properties.determineUrl(), properties.determineUsername(), properties.determinePassword());
    }

    record Compaction(String url, String username, String password) implements DisposableBean {
        @Override
        public void destroy() {
            if (url == null || !url.startsWith("jdbc:h2:file:")) {
                return;
            }
            Path file = Path.of(url.substring("jdbc:h2:file:".length()).split(";", 2)[0] + ".mv.db");
            long before = size(file);
            long started = System.nanoTime();
            try (Connection connection = DriverManager.getConnection(url, username, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                log.warn("The store was not compacted on shutdown ({}); it is intact and is compacted at the next clean stop", e.getMessage());
                return;
            }
            log.info("Store compacted on shutdown: {} → {} KiB in {} ms", before / 1024, size(file) / 1024,
                    (System.nanoTime() - started) / 1_000_000);
        }

        private static long size(Path file) {
            try {
                return Files.size(file);
            } catch (Exception unknown) {
                return -1;
            }
        }
    }
}

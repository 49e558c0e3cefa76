package com.orderdesk.app.persistence;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;

/**
 * Puts db-scheduler's auto-configuration after the data source's again (ADR 020). db-scheduler's starter 16.7.1 (the
 * newest the registry serves) orders itself after Spring Boot 3's {@code DataSourceAutoConfiguration}, a class Boot 4
 * moved; the order lost, it may run first, find no {@code DataSource}, create no {@code Scheduler} — and Axon then
 * falls back, without a word, to its in-memory deadline manager: payment deadlines and receipt polls would no longer
 * survive a restart or run on one node of many. Ordered between the two, this restores the order (Boot sorts
 * auto-configurations transitively); {@code PersistentStoresTest} fails if the deadline manager is not db-scheduler's.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        beforeName = "com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration")
public class SchedulerAfterDataSource {

}

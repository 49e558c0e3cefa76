package com.orderdesk.app.persistence;

import com.github.kagkarlsson.scheduler.stats.MicrometerStatsRegistry;
import com.github.kagkarlsson.scheduler.stats.StatsRegistry;
import com.github.kagkarlsson.scheduler.task.Task;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * db-scheduler's meters ({@code dbscheduler_task_*}: deadlines run, failed, late — on the Grafana dashboard), declared
 * here (ADR 020). Its starter 16.7.1 makes them only when its metrics auto-configuration finds a {@code MeterRegistry},
 * and orders itself after Spring Boot 3's meter registry auto-configuration: on Boot 4 it found none and the scheduler
 * ran with no meters at all. {@code DeploymentFilesTest} checks every metric the dashboard shows is exposed.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerMetrics {

    @Bean
    StatsRegistry dbSchedulerStats(MeterRegistry meters, List<Task<?>> tasks) {
        return new MicrometerStatsRegistry(meters, tasks);
    }
}

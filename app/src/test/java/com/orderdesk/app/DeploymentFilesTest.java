package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production files (issue 7) hold together: docker-compose.yml has PostgreSQL, two application nodes behind
 * the load balancer, Prometheus, Grafana and Axon Server as an opt-in profile, and every file it mounts exists;
 * Prometheus scrapes both nodes' metrics path; every metric the Grafana dashboard asks for is one this
 * application really exposes.
 */
class DeploymentFilesTest extends HttpTestBase {
    private static final Path ROOT = Path.of("..");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A name right before a label matcher, a range or a closing parenthesis — once "by (labels)" is taken out. */
    private static final Pattern METRIC = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:\\{|\\[|\\))");

    /** SnakeYAML, as Docker Compose reads it: anchors and merge keys ({@code <<: *app}) resolved. */
    private static JsonNode yaml(String file) throws Exception {
        return JSON.valueToTree(new Yaml().load(Files.readString(ROOT.resolve(file))));
    }

    @Test
    void composeFileRunsTheProductionShapeAndMountsOnlyFilesThatExist() throws Exception {
        JsonNode compose = yaml("docker-compose.yml");
        JsonNode services = compose.path("services");
        assertThat(services.fieldNames()).toIterable().contains("db", "app1", "app2", "lb", "prometheus", "grafana", "axonserver");
        assertThat(services.at("/db/image").asText()).startsWith("postgres:");
        for (String app : List.of("app1", "app2")) {
            assertThat(services.at("/" + app + "/environment/SPRING_PROFILES_ACTIVE").asText()).contains("postgres")
                    .as("the demo (open logins, a simulator that 'pays' any order) is an explicit override").doesNotContain("demo");
            assertThat(services.at("/" + app + "/environment/SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES").asText())
                    .as("nginx's X-Forwarded-For is trusted").isNotBlank();
            assertThat(services.at("/" + app + "/ports").isMissingNode()).as("nodes are reached through nginx only").isTrue();
            assertThat(services.at("/" + app + "/environment/SPRING_DATASOURCE_URL").asText()).startsWith("jdbc:postgresql://db:5432/");
        }
        assertThat(services.at("/axonserver/profiles/0").asText()).isEqualTo("axonserver");
        assertThat(services.at("/app1-axonserver/environment/SPRING_PROFILES_ACTIVE").asText()).contains("axonserver")
                .doesNotContain("demo");
        for (JsonNode service : services) {
            for (JsonNode volume : service.path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(ROOT.resolve(source)).as(volume.asText()).exists();
                }
            }
        }
        assertThat(Files.readString(ROOT.resolve("deploy/nginx/nginx.conf"))).contains("server app1:8080").contains("server app2:8080");
        JsonNode prometheus = yaml("deploy/prometheus/prometheus.yml");
        JsonNode job = prometheus.at("/scrape_configs/0");
        assertThat(job.path("metrics_path").asText()).isEqualTo("/actuator/prometheus");
        assertThat(job.at("/static_configs/0/targets").toString()).contains("app1:9091").contains("app2:9091");
    }

    @Test
    void everyMetricOnTheDashboardIsOneTheApplicationExposes() throws Exception {
        // some activity, so that the per-command and per-processor meters exist
        String order = placeDeskOrder(4);
        manager.post("/api/orders/" + order + "/payments", payment("100.00", "CASH"));
        String exposed = management.get("/actuator/prometheus").body();

        JsonNode dashboard = new ObjectMapper().readTree(ROOT.resolve("deploy/grafana/dashboards/order-desk.json").toFile());
        Set<String> metrics = new LinkedHashSet<>();
        List<String> titles = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            titles.add(panel.path("title").asText());
            for (JsonNode target : panel.path("targets")) {
                Matcher m = METRIC.matcher(target.path("expr").asText().replaceAll("by \\([^)]*\\)", ""));
                while (m.find()) {
                    metrics.add(m.group(1));
                }
            }
        }
        assertThat(titles).contains("Команды в секунду (по типу)", "Время команды, p95 (по типу)", "Отставание проекций (событий)",
                "Недоставленные события (DLQ)", "Оплаты за час", "Уведомления шлюза", "Отказы шлюза в возврате",
                "Чеки 54-ФЗ: не зарегистрированы");
        assertThat(metrics).contains("commandBus_successCounter_total", "commandBus_allTimer_seconds", "orderdesk_projection_lag",
                "orderdesk_projection_dead_letters", "eventProcessor_latency", "dbscheduler_task_completions_total",
                "orderdesk_inbox_pending", "orderdesk_inbox_oldest_pending_age_seconds", "orderdesk_inbox_rejected",
                "orderdesk_gateway_refunds_failed_total", "orderdesk_receipts_failed_total");
        for (String metric : metrics) {
            assertThat(exposed).as("metric " + metric + " on the dashboard").containsPattern("(?m)^" + Pattern.quote(metric) + "[{ ]");
        }
    }

    /**
     * Issue 28: an operator checks the dependency set against advisories — the build's CycloneDX SBOM is in the jar and
     * served on the management port, naming the platform it runs on.
     */
    @Test
    void theDependencySetIsServedAsACycloneDxSbom() {
        Api.Response sbom = management.get("/actuator/sbom/application");
        assertThat(sbom.status()).as(sbom.toString()).isEqualTo(200);
        assertThat(sbom.json().path("bomFormat").asText()).isEqualTo("CycloneDX");
        List<String> components = new ArrayList<>();
        sbom.json().path("components").forEach(c -> components.add(c.path("group").asText() + ":" + c.path("name").asText()
                + ":" + c.path("version").asText()));
        assertThat(components).contains("org.axonframework:axon-messaging:4.13.0")
                .anyMatch(c -> c.startsWith("org.springframework.boot:spring-boot:4.1."))
                .anyMatch(c -> c.startsWith("org.springframework:spring-core:7."))
                .anyMatch(c -> c.startsWith("org.hibernate.orm:hibernate-core:7."));
    }
}

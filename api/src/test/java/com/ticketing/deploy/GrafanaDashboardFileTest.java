package com.ticketing.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana side of the full stack: the provisioned Prometheus data source, and the Payment
 * saga dashboard (deploy/grafana/dashboards/payment-saga.json) with the panels operators look
 * for, each reading that data source. Whether its metrics exist is PrometheusMetricsIntegrationTest's.
 */
class GrafanaDashboardFileTest {

  private static final Path DASHBOARD = Path.of("deploy/grafana/dashboards/payment-saga.json");

  @Test
  void dashboardHasThePanelsOfThePaymentSaga() throws IOException {
    JsonNode dashboard = dashboard();
    List<String> titles = new ArrayList<>();
    dashboard.path("panels").forEach(panel -> titles.add(panel.path("title").asString()));

    assertThat(dashboard.path("uid").asString()).isEqualTo("payment-saga");
    assertThat(dashboard.path("title").asString()).isEqualTo("Payment saga");
    assertThat(titles)
        .doesNotHaveDuplicates()
        .contains(
            "Throughput",
            "Outcomes",
            "Latency percentiles (start to settled)",
            "Parked sagas",
            "Oldest parked age",
            "Reconciliation violations",
            "Kafka publish errors");
    assertThat(queriesOf(dashboard, "Latency percentiles (start to settled)"))
        .anyMatch(query -> query.startsWith("histogram_quantile(0.50,"))
        .anyMatch(query -> query.startsWith("histogram_quantile(0.95,"))
        .anyMatch(query -> query.startsWith("histogram_quantile(0.99,"));
  }

  @Test
  void everyPanelQueriesTheProvisionedPrometheus() throws IOException {
    Map<String, Object> provisioning = yaml(Path.of("deploy/grafana/provisioning/datasources/prometheus.yml"));
    @SuppressWarnings("unchecked")
    Map<String, Object> source = ((List<Map<String, Object>>) provisioning.get("datasources")).get(0);
    assertThat(source)
        .containsEntry("type", "prometheus")
        .containsEntry("url", "http://prometheus:9090")
        .containsEntry("editable", false);

    for (JsonNode panel : dashboard().path("panels")) {
      String title = panel.path("title").asString();
      assertThat(panel.path("datasource").path("uid").asString()).as(title).isEqualTo(source.get("uid"));
      assertThat(panel.path("targets").size()).as(title + " queries").isPositive();
      for (JsonNode target : panel.path("targets")) {
        assertThat(target.path("expr").asString()).as(title).isNotBlank();
        assertThat(target.path("datasource").path("uid").asString()).as(title).isEqualTo(source.get("uid"));
      }
    }
  }

  private static List<String> queriesOf(JsonNode dashboard, String title) {
    List<String> queries = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      if (panel.path("title").asString().equals(title)) {
        panel.path("targets").forEach(target -> queries.add(target.path("expr").asString()));
      }
    }
    return queries;
  }

  private static JsonNode dashboard() throws IOException {
    return JsonMapper.builder().build().readTree(Files.readString(AlertRulesFileTest.repositoryFile(DASHBOARD)));
  }

  private static Map<String, Object> yaml(Path relative) throws IOException {
    try (Reader reader = Files.newBufferedReader(AlertRulesFileTest.repositoryFile(relative))) {
      return new Yaml().load(reader);
    }
  }
}

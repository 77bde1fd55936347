package com.ticketing.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.it.IntegrationTest;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Prometheus scrapes from a running service: who may scrape, that a saga moves its outcome
 * metrics exactly once, and that every metric the dashboard and the alert rules read is exported.
 */
class PrometheusMetricsIntegrationTest extends IntegrationTest {

  private static final String VIEWER = "test-viewer-token";
  private static final String TOKEN_HEADER = "X-Operator-Token";
  private static final Path DASHBOARD = Path.of("deploy/grafana/dashboards/payment-saga.json");
  private static final Path ALERT_RULES = Path.of("deploy/prometheus/alerts.yml");

  @LocalServerPort private int port;
  @Autowired private SagaBacklogGauges backlog;

  @Test
  void scrapingNeedsTheViewerOrOperatorRole() {
    assertThat(PrometheusScrape.of(port).status()).isEqualTo(401);
    assertThat(PrometheusScrape.of(port, TOKEN_HEADER, "not-a-token").status()).isEqualTo(403);
    assertThat(PrometheusScrape.of(port, TOKEN_HEADER, VIEWER).status()).isEqualTo(200);
    assertThat(PrometheusScrape.of(port, TOKEN_HEADER, "test-operator-token").status()).isEqualTo(200);
  }

  @Test
  void aSuccessfulSagaCountsOneSuccessAndOneLatencySample() {
    PrometheusScrape before = scrape();
    Hold hold = holdNewSeat(50_000, 12_000);
    String paymentTxId = newPaymentTxId("metrics");

    assertThat(api.pay(hold.userId(), hold.reservationId(), paymentTxId).status()).isEqualTo(202);
    assertPaidOnce(paymentTxId, hold, 38_000);

    // Counted after the confirm's commit, which can land just after the poll saw the seat sold.
    PrometheusScrape after =
        await("the SUCCESS outcome to be counted")
            .atMost(Duration.ofSeconds(10))
            .until(this::scrape, scrape -> successes(scrape) > successes(before));
    assertThat(successes(after) - successes(before)).isEqualTo(1.0);
    assertThat(durations(after, "_count") - durations(before, "_count")).isEqualTo(1.0);
    assertThat(durations(after, "_sum") - durations(before, "_sum")).isPositive();
    assertThat(after.sum("ticketing_saga_outcomes_total", "status", "FAILURE"))
        .isEqualTo(before.sum("ticketing_saga_outcomes_total", "status", "FAILURE"));
    assertThat(after.sum("ticketing_saga_outcomes_total", "status", "CANCEL"))
        .isEqualTo(before.sum("ticketing_saga_outcomes_total", "status", "CANCEL"));
    // The relay's producer reports through Kafka's client metrics.
    assertThat(after.sum("kafka_producer_record_send_total")).isGreaterThan(before.sum("kafka_producer_record_send_total"));
  }

  @Test
  void aPaymentThatFailsAfterItsRetriesCountsThreeRetriesAndOneFailure() {
    PrometheusScrape before = scrape();
    Hold hold = holdNewSeat(50_000, 9_000);
    String paymentTxId = newPaymentTxId("metrics-retried");
    chaos.setPaymentFailureRate(1.0);

    api.pay(hold.userId(), hold.reservationId(), paymentTxId);
    assertThat(awaitFinal(paymentTxId).path("status").asString()).isEqualTo("FAILURE");

    PrometheusScrape after =
        await("the FAILURE outcome to be counted")
            .atMost(Duration.ofSeconds(10))
            .until(this::scrape, scrape -> outcomes(scrape, "FAILURE") > outcomes(before, "FAILURE"));
    assertThat(outcomes(after, "FAILURE") - outcomes(before, "FAILURE")).isEqualTo(1.0);
    assertThat(after.sum("ticketing_payment_retries_total") - before.sum("ticketing_payment_retries_total"))
        .isEqualTo(3.0);
    // The saga waited 1 s + 2 s + 4 s between its attempts.
    assertThat(
            after.sum("ticketing_saga_duration_seconds_sum", "status", "FAILURE")
                - before.sum("ticketing_saga_duration_seconds_sum", "status", "FAILURE"))
        .isGreaterThanOrEqualTo(7.0);
    assertThat(outcomes(after, "SUCCESS")).isEqualTo(outcomes(before, "SUCCESS"));
  }

  @Test
  void aSeatThatCannotBeConfirmedCountsOneCancelAndNoSuccess() {
    PrometheusScrape before = scrape();
    Hold hold = holdNewSeat(50_000, 4_000);
    String paymentTxId = newPaymentTxId("metrics-cancel");
    chaos.setConfirmFailureRate(1.0);

    api.pay(hold.userId(), hold.reservationId(), paymentTxId);
    assertThat(awaitFinal(paymentTxId).path("status").asString()).isEqualTo("CANCEL");

    PrometheusScrape after =
        await("the CANCEL outcome to be counted")
            .atMost(Duration.ofSeconds(10))
            .until(this::scrape, scrape -> outcomes(scrape, "CANCEL") > outcomes(before, "CANCEL"));
    assertThat(outcomes(after, "CANCEL") - outcomes(before, "CANCEL")).isEqualTo(1.0);
    assertThat(outcomes(after, "SUCCESS")).isEqualTo(outcomes(before, "SUCCESS"));
    assertThat(outcomes(after, "FAILURE")).isEqualTo(outcomes(before, "FAILURE"));
  }

  @Test
  void everyMetricTheDashboardAndTheAlertRulesReadIsExported() throws IOException {
    Set<String> read = new TreeSet<>();
    dashboardQueries().forEach(query -> read.addAll(PromQlMetricNames.in(query)));
    int fromDashboard = read.size();
    alertExpressions().forEach(expression -> read.addAll(PromQlMetricNames.in(expression)));
    assertThat(fromDashboard).as("metrics the dashboard reads").isGreaterThan(5);
    assertThat(read).contains("ticketing_saga_outcomes_total", "ticketing_saga_duration_seconds_bucket");

    Hold hold = holdNewSeat(50_000, 7_000);
    String paymentTxId = newPaymentTxId("exported");
    api.pay(hold.userId(), hold.reservationId(), paymentTxId);
    awaitFinal(paymentTxId);

    // Temporal's SDK hands its metrics to Micrometer every 10 s. The last set is what is missing.
    Set<String> missing =
        await("every metric of the dashboard and the alert rules")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> notExported(read, scrape()), Set::isEmpty);
    assertThat(missing).isEmpty();
  }

  private static Set<String> notExported(Set<String> read, PrometheusScrape scrape) {
    Set<String> missing = new TreeSet<>(read);
    missing.removeAll(scrape.names());
    return missing;
  }

  @Test
  void parkedGaugesShowTheSagasParkedAtTheLastSnapshot() {
    Hold hold = holdNewSeat(50_000, 5_000);
    String paymentTxId = newPaymentTxId("parked");
    insertPaymentRow(requestFor(hold, paymentTxId));
    jdbc.update(
        "UPDATE payment_transactions SET status = 'NEEDS_ATTENTION', updated_at = UTC_TIMESTAMP(6) - INTERVAL 20 MINUTE"
            + " WHERE payment_tx_id = ?",
        paymentTxId);
    try {
      backlog.refresh();

      PrometheusScrape scrape = scrape();
      assertThat(scrape.sum("ticketing_saga_parked")).isGreaterThanOrEqualTo(1.0);
      assertThat(scrape.sum("ticketing_saga_parked_oldest_age_seconds")).isGreaterThanOrEqualTo(20 * 60);
    } finally {
      jdbc.update("DELETE FROM payment_transactions WHERE payment_tx_id = ?", paymentTxId);
      backlog.refresh();
    }
  }

  private PrometheusScrape scrape() {
    PrometheusScrape scrape = PrometheusScrape.of(port, TOKEN_HEADER, VIEWER);
    assertThat(scrape.status()).isEqualTo(200);
    return scrape;
  }

  private static double successes(PrometheusScrape scrape) {
    return outcomes(scrape, "SUCCESS");
  }

  private static double outcomes(PrometheusScrape scrape, String status) {
    return scrape.sum("ticketing_saga_outcomes_total", "status", status);
  }

  private static double durations(PrometheusScrape scrape, String suffix) {
    return scrape.sum("ticketing_saga_duration_seconds" + suffix, "status", "SUCCESS");
  }

  private static List<String> dashboardQueries() throws IOException {
    JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(repositoryFile(DASHBOARD)));
    List<String> queries = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        queries.add(target.path("expr").asString());
      }
    }
    assertThat(queries).as("queries of " + DASHBOARD).isNotEmpty().doesNotContain("");
    return queries;
  }

  @SuppressWarnings("unchecked")
  private static List<String> alertExpressions() throws IOException {
    try (Reader reader = Files.newBufferedReader(repositoryFile(ALERT_RULES))) {
      Map<String, Object> rules = new Yaml().load(reader);
      List<String> expressions = new ArrayList<>();
      for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
        for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
          expressions.add(String.valueOf(rule.get("expr")));
        }
      }
      assertThat(expressions).as("expressions of " + ALERT_RULES).isNotEmpty();
      return expressions;
    }
  }

  private static Path repositoryFile(Path relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(relative))) {
        return dir.resolve(relative);
      }
    }
    throw new IllegalStateException("no " + relative + " in " + Path.of("").toAbsolutePath() + " or any parent");
  }
}

package com.ticketing.webui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.embedded.EngineParts;
import com.ticketing.embedded.TemporalEngine;
import com.ticketing.it.IntegrationTest;
import com.ticketing.webui.TemporalWebUi.HistoryEvent;
import com.ticketing.webui.TemporalWebUi.WorkflowRow;
import com.ticketing.webui.TemporalWebUi.WorkflowView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees of real sagas in the Temporal Web UI of the embedded dev server, in
 * headless Chromium (Debian's chromium and chromedriver): a saga whose debit was retried twice, and
 * one parked on the seat's confirm, by their paymentTxId, and the parked one in the list filtered
 * with {@code PaymentStatus = "NEEDS_ATTENTION"}. Screenshots go to {@code target/webui/};
 * {@code -Dwebui.refresh-docs=true} also copies the two the README shows to {@code docs/images/}.
 *
 * <p>Skipped where the Temporal CLI is missing (the test server has no Web UI) or, outside CI,
 * where Chromium is; in CI ({@code CI=true}), which installs both, a missing browser fails it.
 */
class TemporalWebUiIntegrationTest extends IntegrationTest {

  private static final Path SCREENSHOTS = Path.of("target", "webui");
  private static final Path DOCS_IMAGES = Path.of("..", "docs", "images");
  private static final String OPERATOR = "test-operator-token";
  private static final String PARKED_FILTER = "PaymentStatus = \"NEEDS_ATTENTION\"";

  @AfterEach
  void reservationServiceBack() {
    chaos.reset();
  }

  @Test
  void anOperatorSeesARetriedAndAParkedSagaByTheirPaymentTxIdAndFindsTheParkedOneByTheFilter() throws IOException {
    TemporalEngine temporal = EngineParts.embeddedTemporal();
    assumeThat(temporal.webUi()).as("the Web UI of the real server: " + temporal.description()).isPresent();
    if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
      assumeThat(Files.isExecutable(HeadlessChromium.CHROMIUM)).as("Debian's chromium").isTrue();
    }
    String retried = payWithTwoRetries();
    Hold parkedHold = holdNewSeat(50_000, 3_000);
    String parked = parkOnConfirm(parkedHold);

    try (TemporalWebUi ui = TemporalWebUi.open(temporal.webUi().orElseThrow())) {
      WorkflowView paid = ui.openWorkflow(retried);
      assertThat(paid.workflowId()).isEqualTo(retried);
      assertThat(paid.status()).isEqualTo("COMPLETED");
      assertThat(paid.workflowType()).isEqualTo("PaymentSagaWorkflow");
      assertThat(paid.taskQueue()).isEqualTo("payment-saga");
      List<HistoryEvent> history = ui.history(retried);
      assertThat(history.stream().filter(e -> e.type().equals("Timer Started")).map(HistoryEvent::details))
          .as("the retry timers in the history")
          .containsExactly("Start To Fire Timeout 1 second", "Start To Fire Timeout 2 seconds");
      assertThat(history).extracting(HistoryEvent::eventType)
          .containsSubsequence("WorkflowExecutionStarted", "TimerStarted", "TimerFired", "TimerStarted", "TimerFired",
              "WorkflowExecutionCompleted");
      Path historyShot = ui.screenshot(SCREENSHOTS.resolve("saga-retried-history.png"));
      assertThat(ui.searchAttributes(retried))
          .containsEntry("PaymentStatus", "SUCCESS")
          .containsEntry("RetryCount", "2");

      WorkflowView waiting = ui.openWorkflow(parked);
      assertThat(waiting.status()).isEqualTo("RUNNING");
      Map<String, String> attributes =
          ui.awaitSearchAttributes(parked, a -> "NEEDS_ATTENTION".equals(a.get("PaymentStatus")), "the saga parked");
      assertThat(attributes)
          .containsEntry("StuckStep", "confirm-reservation")
          .containsEntry("UserId", Long.toString(parkedHold.userId()))
          .containsEntry("SeatId", Long.toString(parkedHold.seatId()));
      ui.screenshot(SCREENSHOTS.resolve("saga-parked-search-attributes.png"));

      List<WorkflowRow> rows =
          ui.awaitList(PARKED_FILTER, r -> r.stream().anyMatch(row -> row.workflowId().equals(parked)), "the parked saga listed");
      assertThat(rows).filteredOn(row -> row.workflowId().equals(parked))
          .singleElement()
          .satisfies(row -> assertThat(row.status()).isEqualTo("RUNNING"));
      assertThat(rows).extracting(WorkflowRow::workflowId).doesNotContain(retried);
      assertThat(ui.visibleText()).contains(PARKED_FILTER);
      Path listShot = ui.screenshot(SCREENSHOTS.resolve("sagas-needs-attention.png"));

      if (Boolean.getBoolean("webui.refresh-docs")) {
        Files.createDirectories(DOCS_IMAGES);
        Files.copy(historyShot, DOCS_IMAGES.resolve("web-ui-saga-retried.png"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(listShot, DOCS_IMAGES.resolve("web-ui-needs-attention.png"), StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      chaos.setReservationOutage(false);
      api.sendJson("POST", "/api/admin/sagas/" + parked + "/retry", "{\"reason\": \"test done\"}", "X-Operator-Token", OPERATOR);
    }
  }

  /** A payment whose debit fails twice (retries after 1 s and 2 s) and then goes through. */
  private String payWithTwoRetries() {
    chaos.setPaymentFailureRate(1.0);
    Hold hold = holdNewSeat(50_000, 2_000);
    String paymentTxId = newPaymentTxId("webui-retried");
    assertThat(api.pay(hold.userId(), hold.reservationId(), paymentTxId).status()).isEqualTo(202);
    await("two retries of " + paymentTxId)
        .atMost(SAGA_DEADLINE)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> api.payment(paymentTxId).body().path("retryCount").asInt(), retries -> retries >= 2);
    chaos.setPaymentFailureRate(0.0);
    assertThat(awaitFinal(paymentTxId).path("status").asString()).isEqualTo("SUCCESS");
    return paymentTxId;
  }

  private String parkOnConfirm(Hold hold) {
    chaos.setReservationOutage(true);
    String paymentTxId = newPaymentTxId("webui-parked");
    assertThat(api.pay(hold.userId(), hold.reservationId(), paymentTxId).status()).isEqualTo(202);
    await("saga " + paymentTxId + " to park")
        .atMost(SAGA_DEADLINE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> api.payment(paymentTxId).body().path("status").asString(), "NEEDS_ATTENTION"::equals);
    return paymentTxId;
  }
}

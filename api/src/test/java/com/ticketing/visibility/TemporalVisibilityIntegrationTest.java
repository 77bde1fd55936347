package com.ticketing.visibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.embedded.EngineParts;
import com.ticketing.embedded.TemporalCli;
import com.ticketing.embedded.TemporalEngine;
import com.ticketing.embedded.TemporalEngines;
import com.ticketing.it.IntegrationTest;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * On the real Temporal server, a parked saga is found the way operators look for one in the Web UI
 * and the CLI: by the query {@code PaymentStatus="NEEDS_ATTENTION"}. Visibility is eventually
 * consistent, so each look has a bounded deadline. The test server has no visibility queries:
 * there this test is skipped (CI always runs it on the dev server; see .ci/run).
 */
class TemporalVisibilityIntegrationTest extends IntegrationTest {

  /** How long the dev server's visibility may lag behind a saga's search-attribute upsert. */
  private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);
  private static final String PARKED = "PaymentStatus = \"NEEDS_ATTENTION\"";

  @Autowired private WorkflowClient workflowClient;

  @AfterEach
  void reservationServiceBack() {
    chaos.setReservationOutage(false);
  }

  @Test
  void aParkedSagaIsListedByTheWebUisFilterAndTheCliUntilAnOperatorSettlesIt() throws Exception {
    TemporalEngine temporal = EngineParts.embeddedTemporal();
    assumeThat(temporal.isRealServer()).as("visibility queries need the real server: " + temporal.description()).isTrue();
    Hold paid = holdNewSeat(50_000, 2_000);
    String settled = newPaymentTxId("visible-paid");
    assertThat(api.pay(paid.userId(), paid.reservationId(), settled).status()).isEqualTo(202);
    assertThat(awaitFinal(settled).path("status").asString()).isEqualTo("SUCCESS");

    chaos.setReservationOutage(true);
    Hold hold = holdNewSeat(50_000, 3_000);
    String parked = newPaymentTxId("visible-parked");
    assertThat(api.pay(hold.userId(), hold.reservationId(), parked).status()).isEqualTo(202);
    await("saga " + parked + " to park")
        .atMost(SAGA_DEADLINE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> api.payment(parked).body().path("status").asString(), "NEEDS_ATTENTION"::equals);

    String ours = " AND (WorkflowId = \"" + parked + "\" OR WorkflowId = \"" + settled + "\")";
    assertThat(awaitListed(PARKED + ours, parked)).as("the SDK's list of parked sagas").containsExactly(parked);
    assertThat(cliList(temporal, PARKED + ours)).as("`temporal workflow list --query`").containsExactly(parked);

    chaos.setReservationOutage(false);
    assertThat(
            api.sendJson(
                    "POST", "/api/admin/sagas/" + parked + "/retry", "{\"reason\": \"reservation service is back\"}",
                    "X-Operator-Token", "test-operator-token")
                .status())
        .isEqualTo(202);
    assertThat(awaitFinal(parked).path("status").asString()).isEqualTo("SUCCESS");
    assertThat(awaitListed("PaymentStatus = \"SUCCESS\"" + ours, parked, settled))
        .containsExactlyInAnyOrder(parked, settled);
    assertThat(workflowIds(PARKED + ours)).as("parked after the retry").isEmpty();
  }

  /** Lists the query's workflow ids until they are exactly the expected ones, within the deadline. */
  private List<String> awaitListed(String query, String... expected) {
    return await("visibility of " + query)
        .atMost(VISIBLE_WITHIN)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> workflowIds(query), ids -> ids.size() == expected.length && ids.containsAll(List.of(expected)));
  }

  private List<String> workflowIds(String query) {
    return workflowClient.listExecutions(query).map(execution -> execution.getExecution().getWorkflowId()).toList();
  }

  private static List<String> cliList(TemporalEngine temporal, String query) throws IOException, InterruptedException {
    TemporalCli cli = TemporalCli.locate(TemporalEngines.configuredCli()).orElseThrow();
    Process process =
        new ProcessBuilder(
                cli.executable().toString(), "workflow", "list", "--address", temporal.target(), "--query", query,
                "--output", "json")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the CLI answered").isTrue();
    assertThat(process.exitValue()).as("the CLI's exit code; it said: %s", output).isZero();
    List<String> ids = new ArrayList<>();
    for (JsonNode execution : JsonMapper.builder().build().readTree(output)) {
      ids.add(execution.path("execution").path("workflowId").asString());
    }
    return ids;
  }
}

package com.ticketing.faults;

import com.ticketing.it.ApiClient;
import com.ticketing.it.ApiClient.Response;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;

/** The test acting as an operator through the operator API: finds parked sagas and retries them. */
public final class Operator {

  private static final String TOKEN_HEADER = "X-Operator-Token";
  private static final Duration ROUND_INTERVAL = Duration.ofSeconds(2);

  private final ApiClient api;
  private final String token;

  public Operator(ApiClient api, String token) {
    this.api = api;
    this.token = token;
  }

  /** The ids of the sagas whose row says NEEDS_ATTENTION; empty while the service cannot answer. */
  public List<String> parkedSagas() {
    try {
      Response listed = api.send("GET", "/api/admin/sagas?status=NEEDS_ATTENTION", TOKEN_HEADER, token);
      if (listed.status() != 200) {
        return List.of();
      }
      List<String> ids = new ArrayList<>();
      for (JsonNode saga : listed.body()) {
        ids.add(saga.path("paymentTxId").asString());
      }
      return ids;
    } catch (UncheckedIOException unreachable) {
      return List.of();
    }
  }

  /**
   * Sends {@code retry} to every parked saga and returns the ids it was accepted for (202); a saga
   * that moved on meanwhile answers 409 and is left alone.
   */
  public List<String> retryParkedSagas() {
    List<String> retried = new ArrayList<>();
    for (String paymentTxId : parkedSagas()) {
      try {
        Response answer =
            api.sendJson(
                "POST",
                "/api/admin/sagas/" + paymentTxId + "/retry",
                "{\"reason\": \"fault suite: the fault is over, run the parked step again\"}",
                TOKEN_HEADER,
                token);
        if (answer.status() == 202) {
          retried.add(paymentTxId);
        }
      } catch (UncheckedIOException unreachable) {
        // the next round tries again
      }
    }
    return retried;
  }

  /**
   * Acts as an operator on call while a run goes on: every few seconds, retries whatever is
   * parked, until {@code done} holds or the deadline passes. Returns how many retries were
   * accepted.
   */
  public int retryParkedUntil(BooleanSupplier done, Duration deadline) {
    int[] retried = {0};
    Deadlines.poll(deadline, ROUND_INTERVAL, () -> {
      if (done.getAsBoolean()) {
        return true;
      }
      retried[0] += retryParkedSagas().size();
      return false;
    });
    return retried[0];
  }

  /** {@code GET /api/admin/reconciliation}: the service's own check of the books. */
  public Reconciliation reconcile() {
    Response answer = api.send("GET", "/api/admin/reconciliation", TOKEN_HEADER, token);
    if (answer.status() != 200) {
      throw new AssertionError("GET /api/admin/reconciliation answered " + answer);
    }
    List<String> violations = new ArrayList<>();
    for (JsonNode violation : answer.body().path("violations")) {
      JsonNode paymentTxId = violation.path("paymentTxId");
      violations.add(
          violation.path("rule").asString() + " " + (paymentTxId.isString() ? paymentTxId.asString() : "(books)")
              + ": " + violation.path("detail").asString());
    }
    JsonNode workflowCheckError = answer.body().path("workflowCheckError");
    return new Reconciliation(
        answer.body().path("sagasChecked").asInt(),
        violations,
        workflowCheckError.isString() ? workflowCheckError.asString() : null);
  }

  /**
   * The answer of a reconciliation: how many sagas it looked at, what it found wrong, and why it
   * could not compare rows with their workflows, if it could not (null otherwise).
   */
  public record Reconciliation(int sagasChecked, List<String> violations, String workflowCheckError) {}
}

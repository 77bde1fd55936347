package com.ticketing.bench;

import com.ticketing.bench.report.Books;
import com.ticketing.bench.service.ServiceApi;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Asks the service's own reconciliation whether the books hold after the run: a fast saga that
 * loses money is no result. Read-only, once, after all measurements.
 */
final class BooksCheck {

  /** It reads every payment row and up to 500 workflow results: slower than any saga request. */
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private BooksCheck() {}

  static Books run(String baseUrl, String operatorToken, PrintStream out) {
    if (operatorToken == null || operatorToken.isBlank()) {
      return new Books(null, null, null, "no operator token (--operator-token or OPERATOR_TOKEN)");
    }
    try {
      ServiceApi.Answer answer =
          new ServiceApi(baseUrl, TIMEOUT).get("/api/admin/reconciliation", Map.of("X-Operator-Token", operatorToken));
      if (answer.status() != 200 || answer.body() == null) {
        return new Books(null, null, null, "GET /api/admin/reconciliation answered " + answer.status());
      }
      JsonNode report = answer.body();
      JsonNode violations = report.path("violations");
      for (int i = 0; i < Math.min(5, violations.size()); i++) {
        out.println("  books: " + violations.get(i));
      }
      String error = report.path("workflowCheckError").asString(null);
      return new Books(
          report.path("sagasChecked").asLong(),
          report.path("workflowsChecked").asInt(),
          violations.size(),
          error == null ? null : "workflow check stopped early: " + error);
    } catch (RuntimeException e) {
      return new Books(null, null, null, "reconciliation failed: " + e.getMessage());
    }
  }
}

package com.ticketing.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.it.ApiClient.Response;
import com.ticketing.it.IntegrationTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * What the reconciliation tests share: the report as an operator fetches it, and the violations
 * that concern one test's own payments, users and seats (the database is shared with every other
 * integration test, so the report as a whole may list violations of theirs).
 */
abstract class BooksIntegrationTest extends IntegrationTest {

  static final String TOKEN_HEADER = "X-Operator-Token";
  static final String TOKEN = "test-operator-token";

  JsonNode report() {
    Response answer = api.send("GET", "/api/admin/reconciliation", TOKEN_HEADER, TOKEN);
    assertThat(answer.status()).as("reconciliation answer %s", answer).isEqualTo(200);
    return answer.body();
  }

  /** The violations with one of the paymentTxIds, or whose detail names one of the things, e.g. "user 100007". */
  static List<JsonNode> violationsAbout(JsonNode report, Subjects subjects) {
    return StreamSupport.stream(report.path("violations").spliterator(), false)
        .filter(subjects::concern)
        .toList();
  }

  static Set<String> rulesAbout(JsonNode report, Subjects subjects) {
    return violationsAbout(report, subjects).stream()
        .map(violation -> violation.path("rule").asString())
        .collect(Collectors.toSet());
  }

  /** The payments; add users, seats or reservations with {@link Subjects#and}. */
  static Subjects payments(String... paymentTxIds) {
    return new Subjects(List.of(paymentTxIds), List.of());
  }

  /** Payments by id, and users, seats or reservations as their detail names them ("seat 100012"). */
  record Subjects(List<String> paymentTxIds, List<String> names) {

    Subjects and(String... moreNames) {
      List<String> all = new ArrayList<>(names);
      all.addAll(Arrays.asList(moreNames));
      return new Subjects(paymentTxIds, all);
    }

    boolean concern(JsonNode violation) {
      return concern(violation.path("paymentTxId").asString(null), violation.path("detail").asString(""));
    }

    boolean concern(String paymentTxId, String detail) {
      return (paymentTxId != null && paymentTxIds.contains(paymentTxId))
          || names.stream().anyMatch(name -> mentions(detail, name));
    }

    /** As a whole word: "seat 100012" is not mentioned by "seat 1000123". */
    private static boolean mentions(String detail, String name) {
      return Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(detail).find();
    }
  }
}

package com.ticketing.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.it.ApiClient.Response;
import com.ticketing.it.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Health says UP to anyone, and what is behind it (cluster ids, targets, errors) only to viewers and operators. */
class HealthDetailsIntegrationTest extends IntegrationTest {

  private static final String TOKEN_HEADER = "X-Operator-Token";

  @Test
  void anonymousCallersSeeOnlyTheStatus() {
    Response health = api.get("/actuator/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body().path("status").asString()).isEqualTo("UP");
    assertThat(health.body().has("components")).as("components in %s", health.body()).isFalse();
    assertThat(health.body().has("details")).isFalse();
  }

  @Test
  void viewersAndOperatorsSeeTheComponents() {
    for (String token : new String[] {"test-viewer-token", "test-operator-token"}) {
      Response health = api.send("GET", "/actuator/health", TOKEN_HEADER, token);

      assertThat(health.status()).isEqualTo(200);
      assertThat(health.body().path("components").path("temporal").path("details").path("target").asString())
          .as("with %s: %s", token, health.body())
          .isNotBlank();
      assertThat(health.body().path("components").path("kafka").path("details").has("clusterId")).isTrue();
    }
  }

  @Test
  void probesStayOpen() {
    assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
    assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
    assertThat(api.get("/actuator/health/liveness").body().path("status").asString()).isEqualTo("UP");
  }
}

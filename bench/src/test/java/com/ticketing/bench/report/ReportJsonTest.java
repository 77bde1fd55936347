package com.ticketing.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportJsonTest {

  private final JsonNode json = JsonMapper.builder().build().readTree(ReportJson.render(ExampleReports.report()));

  @Test
  void topLevelHasTheRunsFactsFiguresAndNotes() {
    assertThat(json.propertyNames())
        .containsExactly("date", "machine", "settings", "phases", "ratios", "histories", "books", "notes");
    assertThat(json.path("date").asString()).isEqualTo("2026-11-26T20:48:00Z");
  }

  @Test
  void machineFactsSayCoresMemoryJavaAndLoad() {
    JsonNode machine = json.path("machine");

    assertThat(machine.path("cores").asInt()).isEqualTo(2);
    assertThat(machine.path("memoryBytes").asLong()).isEqualTo(24L << 30);
    assertThat(machine.path("javaVersion").asString()).isEqualTo("17.0.15");
    assertThat(machine.path("loadAverageAtStart").asDouble()).isEqualTo(1.5);
  }

  @Test
  void eachPhaseCarriesItsLatenciesOutcomesAndCpu() {
    JsonNode phase = json.path("phases").get(1);

    assertThat(phase.path("path").asString()).isEqualTo("saga");
    assertThat(phase.path("concurrency").asInt()).isEqualTo(20);
    assertThat(phase.path("throughput").asDouble()).isEqualTo(25.0);
    assertThat(phase.path("latencyMs").propertyNames()).containsExactly("p50", "p95", "p99", "max", "mean");
    assertThat(phase.path("latencyMs").path("p50").asDouble()).isEqualTo(700.0);
    assertThat(phase.path("startMs").path("p99").asDouble()).isEqualTo(12.0);
    assertThat(phase.path("holdRetries").asInt()).isEqualTo(2);
    assertThat(phase.path("outcomes").path("SUCCESS").asInt()).isEqualTo(100);
    assertThat(phase.path("cpu").propertyNames())
        .containsExactly("service", "temporal", "mariaDb", "bench", "perSagaMillis", "counted");
    assertThat(phase.path("cpu").path("temporal").asDouble()).isEqualTo(0.5);
    assertThat(phase.path("cpu").path("perSagaMillis").asDouble()).isEqualTo(20.0);
    assertThat(phase.path("cpu").path("counted").asString()).isEqualTo("service JVM + temporal dev server + mariadbd");
  }

  @Test
  void settingsNameTheServiceAndWhichTemporalRan() {
    JsonNode settings = json.path("settings");

    assertThat(settings.path("service").asString()).isEqualTo("embedded");
    assertThat(settings.path("temporal").asString())
        .isEqualTo("Temporal dev server (temporal version 1.9.1 (Server 1.32.0, UI 2.54.1))");
  }

  @Test
  void ratiosHistoriesAndBooksAreThere() {
    assertThat(json.path("ratios").get(0).path("baseline").asString()).isEqualTo("ceiling");
    assertThat(json.path("ratios").get(0).path("p50").asDouble()).isEqualTo(10.0);
    assertThat(json.path("histories").get(0).path("activityTasks").asDouble()).isEqualTo(7.0);
    assertThat(json.path("books").path("violations").asInt()).isZero();
  }
}

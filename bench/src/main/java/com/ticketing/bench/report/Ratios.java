package com.ticketing.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The saga's ratios to each baseline that ran at the same concurrency. */
public final class Ratios {

  public static final String SAGA = "saga";
  public static final List<String> BASELINES = List.of("ceiling", "direct");

  private Ratios() {}

  public static List<Ratio> of(List<PhaseResult> phases) {
    List<Ratio> ratios = new ArrayList<>();
    for (String baseline : BASELINES) {
      for (PhaseResult saga : phases) {
        if (!saga.path().equals(SAGA)) {
          continue;
        }
        find(phases, baseline, saga.concurrency())
            .ifPresent(base -> ratios.add(new Ratio(
                baseline,
                saga.concurrency(),
                divide(saga.throughput(), base.throughput()),
                saga.latencyMs() == null || base.latencyMs() == null
                    ? null
                    : divide(saga.latencyMs().p50(), base.latencyMs().p50()))));
      }
    }
    return ratios;
  }

  private static Optional<PhaseResult> find(List<PhaseResult> phases, String path, int concurrency) {
    return phases.stream().filter(p -> p.path().equals(path) && p.concurrency() == concurrency).findFirst();
  }

  private static Double divide(double numerator, double denominator) {
    return denominator > 0 ? Math.round(numerator / denominator * 1000) / 1000.0 : null;
  }
}

package com.ticketing.reconciliation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The violations the last reconciliation run found, by rule: the gauge {@value #VIOLATIONS} with
 * the tag {@code rule}, one per rule, 0 until a run finds one. Scheduled and on-demand runs both
 * update it; instances that run no reconciliation (workers) report 0.
 */
@Component
class ReconciliationMetrics {

  static final String VIOLATIONS = "ticketing.reconciliation.violations";

  private final Map<String, Integer> lastRun = new ConcurrentHashMap<>();

  ReconciliationMetrics(MeterRegistry registry) {
    for (String rule : ruleIds()) {
      lastRun.put(rule, 0);
      Gauge.builder(VIOLATIONS, lastRun, runs -> runs.getOrDefault(rule, 0))
          .description("Violations of the rule found by the last reconciliation run")
          .tag("rule", rule)
          .register(registry);
    }
  }

  void record(ReconciliationReport report) {
    Map<String, Long> byRule =
        report.violations().stream().collect(Collectors.groupingBy(Violation::rule, Collectors.counting()));
    for (String rule : lastRun.keySet()) {
      lastRun.put(rule, byRule.getOrDefault(rule, 0L).intValue());
    }
  }

  static List<String> ruleIds() {
    return Stream.concat(Books.ruleIds().stream(), Stream.of(RowMatchesWorkflowRule.ID, OpenSagaWorkflowRule.ID)).toList();
  }
}

package com.ticketing.reconciliation;

import com.ticketing.mode.ServesRest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Reconciles every {@code ticketing.reconciliation.interval} and writes the outcome to the log:
 * one ERROR line per violation, one INFO line when the books are clean. Runs on instances that
 * serve REST, unless {@code ticketing.reconciliation.enabled} is false.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ServesRest
@ConditionalOnBooleanProperty(name = "ticketing.reconciliation.enabled", matchIfMissing = true)
public class ReconciliationScheduler implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(ReconciliationScheduler.class);

  private final ReconciliationService reconciliation;
  private final ReconciliationProperties properties;

  public ReconciliationScheduler(ReconciliationService reconciliation, ReconciliationProperties properties) {
    this.reconciliation = reconciliation;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    // The first run waits one interval too, so that start-up is not slowed by a full read.
    registrar.addFixedDelayTask(new FixedDelayTask(this::runScheduled, properties.interval(), properties.interval()));
  }

  /** One run, logged; returns the report. */
  public ReconciliationReport runOnce() {
    ReconciliationReport report = reconciliation.reconcile();
    for (Violation violation : report.violations()) {
      log.error(
          "reconciliation violation: rule={} paymentTxId={} detail={}",
          violation.rule(), violation.paymentTxId(), violation.detail());
    }
    if (report.workflowCheckError() != null) {
      log.warn("reconciliation: {}", report.workflowCheckError());
    }
    if (report.hasViolations()) {
      log.warn(
          "reconciliation found {} violations: {} sagas checked, {} compared with their workflow ({} skipped),"
              + " {} unsettled sagas' workflows looked up ({} not)",
          report.violations().size(), report.sagasChecked(), report.workflowsChecked(), report.workflowsSkipped(),
          report.openSagasChecked(), report.openSagasNotChecked());
    } else {
      log.info(
          "reconciliation clean: {} sagas checked, {} compared with their workflow ({} skipped),"
              + " {} unsettled sagas' workflows looked up ({} not)",
          report.sagasChecked(), report.workflowsChecked(), report.workflowsSkipped(),
          report.openSagasChecked(), report.openSagasNotChecked());
    }
    return report;
  }

  private void runScheduled() {
    try {
      runOnce();
    } catch (RuntimeException failed) {
      log.error("reconciliation run failed: {}", failed.toString(), failed);
    }
  }
}

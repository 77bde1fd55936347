package com.ticketing.health;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component "temporal": is the Temporal frontend serving? */
@Component("temporal")
public class TemporalHealthIndicator extends AbstractHealthIndicator {

  private final WorkflowServiceStubs stubs;

  public TemporalHealthIndicator(WorkflowServiceStubs stubs) {
    super("Temporal health check failed");
    this.stubs = stubs;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    ServingStatus status = stubs.healthCheck().getStatus();
    builder
        .status(status == ServingStatus.SERVING ? "UP" : "DOWN")
        .withDetail("target", stubs.getOptions().getTarget())
        .withDetail("servingStatus", status.name());
  }
}

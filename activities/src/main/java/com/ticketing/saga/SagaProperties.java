package com.ticketing.saga;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long sagas persist with failing infrastructure ({@code ticketing.saga.*}).
 *
 * @param stepRetryLimit attempts of one infrastructure step (DB write, Kafka send, confirm,
 *     release, refund) before the saga parks in NEEDS_ATTENTION; with Temporal's backoff from
 *     500 ms doubling to 30 s, 10 attempts are about two and a half minutes
 * @param attentionTimeout how long a parked saga waits for an operator before it compensates
 * @param stepTimeout how long one activity attempt may run before Temporal counts it failed and
 *     tries again; connection, lock and transaction waits must stay below it
 */
@Validated
@ConfigurationProperties("ticketing.saga")
public record SagaProperties(
    @Min(1) @DefaultValue("10") int stepRetryLimit,
    @NotNull @DefaultValue("PT24H") Duration attentionTimeout,
    @NotNull @DefaultValue("PT10S") Duration stepTimeout) {

  public SagaPolicy policy() {
    return new SagaPolicy(stepRetryLimit, attentionTimeout, stepTimeout);
  }
}

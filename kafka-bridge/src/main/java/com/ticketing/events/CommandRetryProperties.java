package com.ticketing.events;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.validation.annotation.Validated;

/**
 * The back-off of a payment.try command that failed transiently, before it goes to the
 * dead-letter topic ({@code ticketing.kafka.command-retry.*}).
 *
 * @param initialInterval the wait before the first redelivery
 * @param multiplier how much each wait grows over the previous one
 * @param maxInterval the longest single wait
 * @param maxElapsed the total of the waits after which the command is dead-lettered; the time the
 *     attempts themselves take comes on top
 */
@Validated
@ConfigurationProperties("ticketing.kafka.command-retry")
public record CommandRetryProperties(
    @NotNull @DurationMin(millis = 1) @DefaultValue("PT0.5S") Duration initialInterval,
    @DecimalMin("1.0") @DefaultValue("2.0") double multiplier,
    @NotNull @DurationMin(millis = 1) @DefaultValue("PT10S") Duration maxInterval,
    @NotNull @DurationMin(millis = 0) @DefaultValue("PT2M") Duration maxElapsed) {

  BackOff backOff() {
    ExponentialBackOff backOff = new ExponentialBackOff(initialInterval.toMillis(), multiplier);
    backOff.setMaxInterval(maxInterval.toMillis());
    backOff.setMaxElapsedTime(maxElapsed.toMillis());
    return backOff;
  }
}

package com.ticketing.chaos;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Fault injection for demos and tests ({@code ticketing.chaos.*}); every knob is off by default.
 *
 * @param enabled master switch: false ignores every knob below (the {@code external} profile
 *     sets it false unless {@code TICKETING_CHAOS_ENABLED=true})
 * @param paymentFailureRate probability that a debit attempt fails transiently before it touches
 *     the database (the saga retries after 1 s / 2 s / 4 s)
 * @param confirmFailureRate probability that the reservation confirm is rejected, forcing the saga
 *     to compensate
 * @param reservationOutage while true, every reservation confirm fails transiently, until the
 *     saga parks in NEEDS_ATTENTION
 * @param lostAckRate probability that a step commits its effect and then fails as if its answer
 *     was lost, so Temporal runs it again
 * @param slowAttemptRate probability that a step's attempt waits {@code slowAttempt} inside its
 *     transaction before it commits, so that it overruns its activity timeout and a second
 *     attempt overlaps it
 * @param slowAttempt how long a slow attempt waits (beyond the saga's step timeout to overlap)
 * @param faultSteps the steps lost answers and slow attempts apply to
 */
@Validated
@ConfigurationProperties("ticketing.chaos")
public record ChaosProperties(
    @DefaultValue("true") boolean enabled,
    @DecimalMin("0.0") @DecimalMax("1.0") double paymentFailureRate,
    @DecimalMin("0.0") @DecimalMax("1.0") double confirmFailureRate,
    boolean reservationOutage,
    @DecimalMin("0.0") @DecimalMax("1.0") double lostAckRate,
    @DecimalMin("0.0") @DecimalMax("1.0") double slowAttemptRate,
    @NotNull @DefaultValue("PT12S") Duration slowAttempt,
    @DefaultValue({"debit", "reverse", "confirm", "record", "publish"}) Set<FaultyStep> faultSteps) {

  public ChaosProperties {
    faultSteps = faultSteps == null || faultSteps.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faultSteps));
  }
}

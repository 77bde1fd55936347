package com.ticketing.chaos;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Fault injection for demos and tests ({@code ticketing.chaos.*}).
 *
 * @param paymentFailureRate probability that a debit attempt fails with a transient error
 * @param confirmFailureRate probability that the reservation confirm is rejected, forcing the
 *     saga to compensate
 * @param reservationOutage while true, every reservation confirm fails with a transient error,
 *     until the saga parks in NEEDS_ATTENTION (for operator demos and tests)
 */
@Validated
@ConfigurationProperties("ticketing.chaos")
public record ChaosProperties(
    @DecimalMin("0.0") @DecimalMax("1.0") double paymentFailureRate,
    @DecimalMin("0.0") @DecimalMax("1.0") double confirmFailureRate,
    boolean reservationOutage) {}

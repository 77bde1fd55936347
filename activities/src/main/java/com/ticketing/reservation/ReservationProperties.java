package com.ticketing.reservation;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Seat holds ({@code ticketing.reservation.*}).
 *
 * @param holdDuration how long a held seat waits for its payment (default PT5M)
 * @param maxLiveHoldsPerUser how many unexpired HELD reservations one user may have at once
 *     (default 4); the next hold is refused with 429
 */
@Validated
@ConfigurationProperties("ticketing.reservation")
public record ReservationProperties(
    @NotNull @DefaultValue("PT5M") Duration holdDuration, @Min(1) @DefaultValue("4") int maxLiveHoldsPerUser) {

  public ReservationProperties {
    if (holdDuration != null && (holdDuration.isNegative() || holdDuration.isZero())) {
      throw new IllegalArgumentException("ticketing.reservation.hold-duration must be positive");
    }
  }
}

package com.ticketing.reservation;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Seat holds ({@code ticketing.reservation.*}).
 *
 * @param holdDuration how long a held seat waits for its payment (default PT5M)
 */
@Validated
@ConfigurationProperties("ticketing.reservation")
public record ReservationProperties(@NotNull @DefaultValue("PT5M") Duration holdDuration) {

  public ReservationProperties {
    if (holdDuration != null && (holdDuration.isNegative() || holdDuration.isZero())) {
      throw new IllegalArgumentException("ticketing.reservation.hold-duration must be positive");
    }
  }
}

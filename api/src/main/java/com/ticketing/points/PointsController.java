package com.ticketing.points;

import com.ticketing.mode.ServesRest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A user's prepaid point balance. */
@RestController
@ServesRest
public class PointsController {

  private final PointsService points;

  public PointsController(PointsService points) {
    this.points = points;
  }

  public record Balance(long userId, long balance) {}

  @GetMapping("/api/users/{userId}/points")
  public Balance balance(@PathVariable long userId) {
    return new Balance(userId, points.balanceOf(userId));
  }
}

package com.ticketing.points;

import com.ticketing.apidocs.ProblemResponse;
import com.ticketing.errors.TicketingException;
import com.ticketing.mode.ServesRest;
import com.ticketing.security.Buyers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A user's prepaid point balance. */
@RestController
@ServesRest
public class PointsController {

  private final PointsService points;
  private final Buyers buyers;

  public PointsController(PointsService points, Buyers buyers) {
    this.points = points;
    this.buyers = buyers;
  }

  public record Balance(long userId, long balance) {}

  @ProblemResponse(status = 404, when = "unknown user (with buyer JWTs, also another buyer)")
  @GetMapping("/api/users/{userId}/points")
  public Balance balance(@PathVariable long userId) {
    buyers.requireOwnedBy(userId, () -> TicketingException.notFound("user", userId));
    return new Balance(userId, points.balanceOf(userId));
  }
}

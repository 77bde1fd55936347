package com.ticketing.admin;

import com.ticketing.apidocs.ProblemResponse;
import com.ticketing.errors.TicketingException;
import com.ticketing.errors.TicketingException.Kind;
import com.ticketing.mode.ServesRest;
import com.ticketing.saga.PaymentStatus;
import com.ticketing.security.Actors;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator API: reading needs the viewer role, deciding the operator role (see
 * com.ticketing.security). A decision needs a reason, {@code {"reason": "..."}}.
 */
@RestController
@ServesRest
@RequestMapping("/api/admin/sagas")
public class AdminSagaController {

  private static final int MAX_REASON = 500;

  private final SagaOperations operations;

  /** The body of a decision. */
  public record DecisionRequest(String reason) {}

  public AdminSagaController(SagaOperations operations) {
    this.operations = operations;
  }

  /** E.g. {@code ?status=NEEDS_ATTENTION&olderThan=PT10M}: parked for ten minutes or more. */
  @ProblemResponse(
      status = 400,
      when =
          "an unknown status, or an olderThan that is not a non-negative ISO-8601 "
              + "duration")
  @GetMapping
  public List<SagaSummary> list(
      @RequestParam(defaultValue = "NEEDS_ATTENTION") String status,
      @RequestParam(defaultValue = "PT0S") String olderThan) {
    return operations.list(parseStatus(status), parseDuration(olderThan));
  }

  @ProblemResponse(status = 404, when = "unknown saga")
  @GetMapping("/{paymentTxId}")
  public SagaInspection inspect(@PathVariable String paymentTxId) {
    return operations.inspect(paymentTxId);
  }

  @ProblemResponse(status = 400, when = "no reason, or one longer than 500 characters")
  @ProblemResponse(status = 404, when = "unknown saga")
  @ProblemResponse(status = 409, when = "the saga is not parked in NEEDS_ATTENTION")
  @PostMapping("/{paymentTxId}/retry")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public OperatorDecisionResult retry(
      @PathVariable String paymentTxId, @RequestBody(required = false) DecisionRequest body) {
    return operations.retry(paymentTxId, decision(body));
  }

  @ProblemResponse(status = 400, when = "no reason, or one longer than 500 characters")
  @ProblemResponse(status = 404, when = "unknown saga")
  @ProblemResponse(
      status = 409,
      when =
          "the saga is not parked in NEEDS_ATTENTION, or it accepts only retry (a "
              + "reversal under way, a confirmed seat)")
  @PostMapping("/{paymentTxId}/compensate")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public OperatorDecisionResult compensate(
      @PathVariable String paymentTxId, @RequestBody(required = false) DecisionRequest body) {
    return operations.compensate(paymentTxId, decision(body));
  }

  private static OperatorDecision decision(DecisionRequest body) {
    String reason = body == null || body.reason() == null ? "" : body.reason().trim();
    if (reason.isEmpty() || reason.length() > MAX_REASON) {
      throw new TicketingException(
          Kind.INVALID,
          "Reason required",
          "a decision needs a reason of 1 to " + MAX_REASON + " characters: send {\"reason\": \"...\"}");
    }
    return new OperatorDecision(reason, Actors.current());
  }

  private static PaymentStatus parseStatus(String status) {
    try {
      return PaymentStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TicketingException(Kind.INVALID, "Invalid status", "unknown saga status '" + status + "'");
    }
  }

  private static Duration parseDuration(String olderThan) {
    try {
      Duration duration = Duration.parse(olderThan);
      if (duration.isNegative()) {
        throw new DateTimeParseException("negative", olderThan, 0);
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw new TicketingException(
          Kind.INVALID, "Invalid olderThan", "olderThan must be a non-negative ISO-8601 duration such as PT10M");
    }
  }
}

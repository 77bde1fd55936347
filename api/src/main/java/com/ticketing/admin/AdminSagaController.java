package com.ticketing.admin;

import com.ticketing.errors.TicketingException;
import com.ticketing.errors.TicketingException.Kind;
import com.ticketing.mode.ServesRest;
import com.ticketing.saga.PaymentStatus;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operator API; every call needs the operator token (see {@link OperatorTokenInterceptor}). */
@RestController
@ServesRest
@RequestMapping("/api/admin/sagas")
public class AdminSagaController {

  private final SagaOperations operations;

  public AdminSagaController(SagaOperations operations) {
    this.operations = operations;
  }

  /** E.g. {@code ?status=NEEDS_ATTENTION&olderThan=PT10M}: parked for ten minutes or more. */
  @GetMapping
  public List<SagaSummary> list(
      @RequestParam(defaultValue = "NEEDS_ATTENTION") String status,
      @RequestParam(defaultValue = "PT0S") String olderThan) {
    return operations.list(parseStatus(status), parseDuration(olderThan));
  }

  @GetMapping("/{paymentTxId}")
  public SagaInspection inspect(@PathVariable String paymentTxId) {
    return operations.inspect(paymentTxId);
  }

  @PostMapping("/{paymentTxId}/retry")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public OperatorDecisionResult retry(@PathVariable String paymentTxId) {
    return operations.retry(paymentTxId);
  }

  @PostMapping("/{paymentTxId}/compensate")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public OperatorDecisionResult compensate(@PathVariable String paymentTxId) {
    return operations.compensate(paymentTxId);
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

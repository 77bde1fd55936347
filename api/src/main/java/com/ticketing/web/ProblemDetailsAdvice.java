package com.ticketing.web;

import com.ticketing.errors.TicketingException;
import com.ticketing.logging.LogSafe;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as an RFC 9457 problem: Spring's own (malformed JSON, wrong media type, …) via
 * {@link ResponseEntityExceptionHandler}, and the service's {@link TicketingException}s. An
 * engine's or library's own error text is logged, never sent: it can name hosts, tables, versions.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler(TicketingException.class)
  ProblemDetail refused(TicketingException refused) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(statusOf(refused.kind()), refused.getMessage());
    problem.setTitle(refused.title());
    problem.setType(URI.create("urn:ticketing:problem:" + refused.kind().name().toLowerCase()));
    return problem;
  }

  /** A lock wait, a lost connection, a timeout: nothing was changed, and a retry may succeed. */
  @ExceptionHandler({
    TransientDataAccessException.class,
    DataAccessResourceFailureException.class,
    CannotCreateTransactionException.class
  })
  ProblemDetail databaseBusy(RuntimeException transientFailure) {
    log.warn("database did not answer in time: {}", LogSafe.of(transientFailure));
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE, "the database could not answer in time; nothing was changed, try again");
    problem.setTitle("Database unavailable");
    problem.setType(URI.create("urn:ticketing:problem:unavailable"));
    return problem;
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail badPathOrParameter(MethodArgumentTypeMismatchException mismatch) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "'" + mismatch.getName() + "' has an invalid value: " + mismatch.getValue());
    problem.setTitle("Invalid " + mismatch.getName());
    return problem;
  }

  /** Anything else is the service's fault: a generic 500, the cause in the log. */
  @ExceptionHandler(RuntimeException.class)
  ProblemDetail unexpected(RuntimeException failure) {
    log.error("request failed unexpectedly: {}", LogSafe.of(failure), failure);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR, "the service could not handle this request; it has been logged");
    problem.setTitle("Internal error");
    return problem;
  }

  private static HttpStatus statusOf(TicketingException.Kind kind) {
    return switch (kind) {
      case INVALID -> HttpStatus.BAD_REQUEST;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case CONFLICT -> HttpStatus.CONFLICT;
      case LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
      case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
    };
  }
}

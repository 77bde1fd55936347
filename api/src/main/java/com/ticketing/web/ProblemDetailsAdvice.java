package com.ticketing.web;

import com.ticketing.errors.TicketingException;
import java.net.URI;
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
 * {@link ResponseEntityExceptionHandler}, and the service's {@link TicketingException}s.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

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

  private static HttpStatus statusOf(TicketingException.Kind kind) {
    return switch (kind) {
      case INVALID -> HttpStatus.BAD_REQUEST;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case CONFLICT -> HttpStatus.CONFLICT;
      case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
    };
  }
}

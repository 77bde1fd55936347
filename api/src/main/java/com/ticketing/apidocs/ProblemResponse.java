package com.ticketing.apidocs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A refusal an endpoint answers with, as an RFC 9457 problem: documented in /v3/api-docs by
 * {@link ProblemResponsesCustomizer}, next to the refusals every endpoint of its kind can give.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ProblemResponse.List.class)
public @interface ProblemResponse {

  /** The HTTP status, e.g. 404. */
  int status();

  /** When the endpoint answers it, e.g. "unknown user or reservation". */
  String when();

  /** The container of repeated {@link ProblemResponse}s. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface List {
    ProblemResponse[] value();
  }
}

package com.ticketing.apidocs;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents each endpoint's problem responses: those its {@link ProblemResponse}s name, and those
 * that come from what it takes — a body or a parameter can be malformed (400), a body can come
 * with the wrong media type (415) — and from every endpoint reaching the database (503) or failing
 * unexpectedly (500), all answered by com.ticketing.web.ProblemDetailsAdvice. Security's 401 and
 * 403 depend on the path: {@link ApiDocsConfiguration}.
 */
@Component
public class ProblemResponsesCustomizer implements OperationCustomizer {

  static final String PROBLEM_JSON = "application/problem+json";
  static final String PROBLEM_SCHEMA = "Problem";

  @Override
  public Operation customize(Operation operation, HandlerMethod handler) {
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    MethodParameter[] parameters = handler.getMethodParameters();
    if (Arrays.stream(parameters).anyMatch(ProblemResponsesCustomizer::isRequestInput)) {
      add(operation, 400, "malformed JSON body, or a path or query value of the wrong type");
    }
    if (Arrays.stream(parameters).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class))) {
      add(operation, 415, "the body is not application/json");
    }
    for (ProblemResponse problem :
        AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(), ProblemResponse.class)) {
      add(operation, problem.status(), problem.when());
    }
    add(operation, 500, "an unexpected failure (logged; the body says no more)");
    add(operation, 503, "the database or Temporal did not answer in time; nothing was changed, try again");
    return operation;
  }

  private static boolean isRequestInput(MethodParameter parameter) {
    return parameter.hasParameterAnnotation(RequestBody.class)
        || parameter.hasParameterAnnotation(PathVariable.class)
        || parameter.hasParameterAnnotation(RequestParam.class);
  }

  /** Adds the problem response, or joins its description to the one already there. */
  static void add(Operation operation, int status, String when) {
    String code = String.valueOf(status);
    ApiResponse existing = operation.getResponses().get(code);
    if (existing != null && existing.getContent() != null && existing.getContent().containsKey(PROBLEM_JSON)) {
      if (!existing.getDescription().contains(when)) {
        existing.setDescription(existing.getDescription() + "; " + when);
      }
      return;
    }
    operation
        .getResponses()
        .addApiResponse(
            code,
            new ApiResponse()
                .description(when)
                .content(
                    new Content()
                        .addMediaType(
                            PROBLEM_JSON,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)))));
  }
}

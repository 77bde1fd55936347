package com.ticketing.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST contract at /v3/api-docs (Swagger UI at /swagger-ui.html): the service's description,
 * the RFC 9457 problem body, the two ways to authenticate, and who needs which (see
 * com.ticketing.security.SecurityConfiguration).
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocsConfiguration {

  static final String OPERATOR_TOKEN = "operatorToken";
  static final String BEARER_JWT = "bearerJwt";

  @Bean
  OpenAPI ticketingOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Payment saga")
                .version("1.0")
                .description(
                    "Hold a seat, pay for it with points, poll the saga; operators inspect and decide parked sagas."
                        + " Every refusal is an RFC 9457 problem (application/problem+json). The saga's Kafka"
                        + " events are described by contracts/asyncapi.yaml."))
        .components(
            new Components()
                .addSchemas(ProblemResponsesCustomizer.PROBLEM_SCHEMA, problemSchema())
                .addSecuritySchemes(
                    OPERATOR_TOKEN,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name("X-Operator-Token")
                        .description("The operator or the viewer token (ticketing.admin.*)."))
                .addSecuritySchemes(
                    BEARER_JWT,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description(
                            "With ticketing.security.buyers=jwt: a buyer's JWT (subject = user id), or one whose"
                                + " roles claim holds viewer or operator.")));
  }

  /** 401 and 403 by path: the operator API always, the buyer API when buyers need a JWT. */
  @Bean
  OpenApiCustomizer securityProblems() {
    return openApi ->
        openApi
            .getPaths()
            .forEach(
                (path, item) ->
                    item.readOperationsMap()
                        .forEach(
                            (method, operation) -> {
                              if (path.startsWith("/api/admin/")) {
                                operatorOnly(operation, method == io.swagger.v3.oas.models.PathItem.HttpMethod.GET);
                              } else if (path.startsWith("/api/")) {
                                buyer(operation);
                              }
                            }));
  }

  private static void operatorOnly(Operation operation, boolean reads) {
    operation.setSecurity(
        List.of(new SecurityRequirement().addList(OPERATOR_TOKEN), new SecurityRequirement().addList(BEARER_JWT)));
    ProblemResponsesCustomizer.add(operation, 401, "no operator token or JWT");
    ProblemResponsesCustomizer.add(
        operation,
        403,
        reads ? "a wrong token, or a JWT without the viewer or operator role" : "a wrong token, or not the operator role");
  }

  private static void buyer(Operation operation) {
    // Open with ticketing.security.buyers=none (the embedded default); a buyer JWT with jwt.
    operation.setSecurity(List.of(new SecurityRequirement(), new SecurityRequirement().addList(BEARER_JWT)));
    ProblemResponsesCustomizer.add(operation, 401, "with ticketing.security.buyers=jwt: no valid bearer JWT");
    ProblemResponsesCustomizer.add(
        operation, 403, "with ticketing.security.buyers=jwt: a token whose subject is not a user id");
  }

  private static ObjectSchema problemSchema() {
    ObjectSchema problem = new ObjectSchema();
    problem.setDescription("RFC 9457 problem details");
    problem.addProperty("type", new StringSchema().format("uri-reference").example("urn:ticketing:problem:not_found"));
    problem.addProperty("title", new StringSchema().example("reservation not found"));
    problem.addProperty("status", new IntegerSchema().example(404));
    problem.addProperty("detail", new StringSchema().example("reservation 42 does not exist"));
    problem.addProperty("instance", new StringSchema().format("uri-reference").example("/api/reservations/42"));
    return problem;
  }
}

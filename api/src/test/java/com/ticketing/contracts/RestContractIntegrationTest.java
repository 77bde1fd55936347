package com.ticketing.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.ticketing.it.ApiClient.Response;
import com.ticketing.it.IntegrationTest;
import com.ticketing.reservation.ReservationController;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The REST contract at /v3/api-docs lists every endpoint the service's controllers map, each with
 * the problem responses it can give.
 */
class RestContractIntegrationTest extends IntegrationTest {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping mappings;

  /** One endpoint as Spring maps it. */
  private record Endpoint(String method, String path, HandlerMethod handler) {

    boolean takesInput() {
      return Arrays.stream(handler.getMethodParameters())
          .anyMatch(
              p ->
                  p.hasParameterAnnotation(RequestBody.class)
                      || p.hasParameterAnnotation(PathVariable.class)
                      || p.hasParameterAnnotation(RequestParam.class));
    }

    /** The problem statuses it must document, from what it takes, how it is reached and what it does. */
    Set<String> requiredProblems() {
      Set<String> codes = new TreeSet<>(Set.of("500", "503"));
      if (takesInput()) {
        codes.add("400");
      }
      if (path.contains("{")) {
        codes.add("404"); // it looks a resource up by its id
      }
      if (method.equals("post")) {
        codes.add("409"); // every POST changes state that can be in the way
      }
      if (path.startsWith("/api/admin/")) {
        codes.addAll(Set.of("401", "403"));
      }
      return codes;
    }
  }

  @Test
  void apiDocsListEveryControllerEndpointWithTheProblemsItCanAnswer() {
    Response docs = api.get("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    List<Endpoint> endpoints = serviceEndpoints();
    assertThat(endpoints).isNotEmpty();

    for (Endpoint endpoint : endpoints) {
      JsonNode operation = docs.body().path("paths").path(endpoint.path()).path(endpoint.method());
      assertThat(operation.isObject()).as("%s %s in /v3/api-docs", endpoint.method(), endpoint.path()).isTrue();
      JsonNode responses = operation.path("responses");
      assertThat(responses.propertyNames())
          .as("documented responses of %s %s", endpoint.method(), endpoint.path())
          .containsAll(endpoint.requiredProblems());
      for (String code : endpoint.requiredProblems()) {
        assertThat(responses.path(code).path("content").has("application/problem+json"))
            .as("%s %s answers %s as a problem", endpoint.method(), endpoint.path(), code)
            .isTrue();
      }
    }
  }

  @Test
  void theHoldLimitIsDocumentedOnTheHoldEndpoint() throws NoSuchMethodException {
    var hold = ReservationController.class.getMethod("hold", ReservationController.HoldRequest.class);
    Endpoint endpoint =
        serviceEndpoints().stream().filter(e -> e.handler().getMethod().equals(hold)).findFirst().orElseThrow();

    JsonNode docs = api.get("/v3/api-docs").body();

    assertThat(docs.path("paths").path(endpoint.path()).path(endpoint.method()).path("responses").has("429")).isTrue();
  }

  @Test
  void theDocsNeedNoTokenAndTheOperatorApiTheyDescribeStillDoes() {
    Response docs = api.get("/v3/api-docs");

    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.body().path("components").path("securitySchemes").has("operatorToken")).isTrue();
    assertThat(api.get("/api/admin/audit").status()).isEqualTo(401);
  }

  @Test
  void swaggerUiNeedsNoTokenInTheDevBuild() {
    // The production build (-Pproduction) leaves Swagger UI out and keeps /v3/api-docs.
    assumeTrue(ClassUtils.isPresent("org.springdoc.webmvc.ui.SwaggerConfig", null), "Swagger UI is in this build");

    Response ui = api.get("/swagger-ui/index.html");

    assertThat(ui.status()).isEqualTo(200);
    assertThat(ui.contentType()).startsWith("text/html");
  }

  private List<Endpoint> serviceEndpoints() {
    List<Endpoint> endpoints = new ArrayList<>();
    mappings.getHandlerMethods().forEach((info, handler) -> {
      if (handler.getBeanType().getPackageName().startsWith("com.ticketing.")) {
        for (String path : patterns(info)) {
          for (RequestMethod method : info.getMethodsCondition().getMethods()) {
            endpoints.add(new Endpoint(method.name().toLowerCase(Locale.ROOT), path, handler));
          }
        }
      }
    });
    return endpoints;
  }

  private static Set<String> patterns(RequestMappingInfo info) {
    return info.getPathPatternsCondition() != null
        ? info.getPathPatternsCondition().getPatternValues()
        : info.getPatternValues();
  }
}

package com.ticketing.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** Security's refusals as RFC 9457 problems, like every other refusal of the service: 401 and 403. */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  private static final JsonMapper JSON = JsonMapper.shared();

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException missing)
      throws IOException {
    boolean admin = request.getRequestURI().startsWith("/api/admin");
    write(
        response,
        HttpStatus.UNAUTHORIZED,
        admin ? "Operator token required" : "Authentication required",
        admin
            ? "send the operator token in the " + OperatorTokenFilter.HEADER + " header, or a bearer JWT with a role"
            : "send a bearer JWT whose subject is your user id");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    write(response, HttpStatus.FORBIDDEN, "Not allowed", "your credentials do not allow this call");
  }

  static void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    var problem = JSON.createObjectNode();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status.value());
    problem.put("detail", detail);
    response.getWriter().write(JSON.writeValueAsString(problem));
  }
}

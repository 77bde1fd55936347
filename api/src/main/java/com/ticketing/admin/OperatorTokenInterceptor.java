package com.ticketing.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards the operator API: requests need the header {@value #HEADER} with the configured
 * operator token. No header: 401; a wrong token, or no token configured: 403.
 */
public class OperatorTokenInterceptor implements HandlerInterceptor {

  public static final String HEADER = "X-Operator-Token";

  private final byte[] expected;

  public OperatorTokenInterceptor(String operatorToken) {
    this.expected = operatorToken == null ? new byte[0] : operatorToken.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    String presented = request.getHeader(HEADER);
    if (presented == null || presented.isEmpty()) {
      return refuse(response, HttpStatus.UNAUTHORIZED, "Operator token required",
          "send the operator token in the " + HEADER + " header");
    }
    if (expected.length == 0) {
      return refuse(response, HttpStatus.FORBIDDEN, "Operator API disabled",
          "no operator token is configured (ticketing.admin.operator-token)");
    }
    if (!MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
      return refuse(response, HttpStatus.FORBIDDEN, "Operator token rejected", "the operator token is not valid");
    }
    return true;
  }

  private static boolean refuse(HttpServletResponse response, HttpStatus status, String title, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response
        .getWriter()
        .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
            + ",\"detail\":\"" + detail + "\"}");
    return false;
  }
}

package com.ticketing.security;

import com.ticketing.admin.AdminProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the header {@value #HEADER}: the operator token gives the roles operator and
 * viewer, the viewer token the role viewer. A token that is neither is refused at once (403), so
 * that a mistyped token never falls through to anonymous access. No header: the request goes on
 * unauthenticated (or with its JWT).
 */
final class OperatorTokenFilter extends OncePerRequestFilter {

  static final String HEADER = "X-Operator-Token";

  private final byte[] operatorToken;
  private final byte[] viewerToken;

  OperatorTokenFilter(AdminProperties tokens) {
    this.operatorToken = bytes(tokens.operatorToken());
    this.viewerToken = bytes(tokens.viewerToken());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String presented = request.getHeader(HEADER);
    if (presented == null || presented.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    byte[] token = presented.getBytes(StandardCharsets.UTF_8);
    if (matches(operatorToken, token)) {
      authenticate(TokenAuthentication.operator());
    } else if (matches(viewerToken, token)) {
      authenticate(TokenAuthentication.viewer());
    } else if (operatorToken.length == 0 && viewerToken.length == 0) {
      ProblemResponses.write(
          response, HttpStatus.FORBIDDEN, "Operator API disabled",
          "no operator token is configured (ticketing.admin.operator-token)");
      return;
    } else {
      ProblemResponses.write(response, HttpStatus.FORBIDDEN, "Operator token rejected", "the operator token is not valid");
      return;
    }
    chain.doFilter(request, response);
  }

  private static void authenticate(TokenAuthentication authentication) {
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
  }

  /** Constant time, and an unconfigured (empty) token matches nothing. */
  private static boolean matches(byte[] expected, byte[] presented) {
    return expected.length > 0 && MessageDigest.isEqual(expected, presented);
  }

  private static byte[] bytes(String token) {
    return token == null ? new byte[0] : token.trim().getBytes(StandardCharsets.UTF_8);
  }

  /** A caller known by a configured token; its name says which, e.g. {@code token:operator}. */
  static final class TokenAuthentication extends AbstractAuthenticationToken {

    private final String name;

    private TokenAuthentication(String name, List<String> roles) {
      super(roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
      this.name = name;
      setAuthenticated(true);
    }

    static TokenAuthentication operator() {
      return new TokenAuthentication("token:operator", List.of(Roles.OPERATOR, Roles.VIEWER));
    }

    static TokenAuthentication viewer() {
      return new TokenAuthentication("token:viewer", List.of(Roles.VIEWER));
    }

    @Override
    public Object getCredentials() {
      return "";
    }

    @Override
    public Object getPrincipal() {
      return name;
    }

    @Override
    public String getName() {
      return name;
    }
  }
}

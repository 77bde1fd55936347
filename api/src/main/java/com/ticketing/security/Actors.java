package com.ticketing.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Names the caller for the audit trail: {@code token:operator}, {@code token:viewer} or {@code jwt:<subject>}. */
public final class Actors {

  private Actors() {}

  public static String current() {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (caller instanceof JwtAuthenticationToken jwt) {
      return "jwt:" + jwt.getName();
    }
    return caller == null ? "anonymous" : caller.getName();
  }
}

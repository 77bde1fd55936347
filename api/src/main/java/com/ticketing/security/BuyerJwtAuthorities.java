package com.ticketing.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The roles of a JWT: every token is a buyer's; its claim {@value #CLAIM} ({@code viewer},
 * {@code operator}, as a list or a space-separated string) adds operator roles.
 */
final class BuyerJwtAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {

  static final String CLAIM = "roles";

  @Override
  public Collection<GrantedAuthority> convert(Jwt jwt) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(role(Roles.BUYER));
    for (String role : claimedRoles(jwt)) {
      switch (role.trim().toLowerCase(Locale.ROOT)) {
        case "operator" -> {
          authorities.add(role(Roles.OPERATOR));
          authorities.add(role(Roles.VIEWER));
        }
        case "viewer" -> authorities.add(role(Roles.VIEWER));
        default -> {} // roles of other services
      }
    }
    return authorities;
  }

  private static List<String> claimedRoles(Jwt jwt) {
    Object claim = jwt.getClaims().get(CLAIM);
    if (claim instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).toList();
    }
    if (claim instanceof String value) {
      return List.of(value.split("\\s+"));
    }
    return List.of();
  }

  private static GrantedAuthority role(String role) {
    return new SimpleGrantedAuthority("ROLE_" + role);
  }
}

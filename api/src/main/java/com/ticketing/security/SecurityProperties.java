package com.ticketing.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the service ({@code ticketing.security.*}); the operator tokens are
 * {@code ticketing.admin.*}.
 *
 * @param buyers {@code none}: the buyer API is open and trusts the {@code userId} it is sent
 *     (the embedded demo); {@code jwt}: every buyer call needs a bearer JWT, whose subject is the
 *     buyer's user id
 * @param jwt where the JWTs' keys come from (one of the three), when {@code buyers=jwt}
 */
@ConfigurationProperties("ticketing.security")
public record SecurityProperties(@DefaultValue("none") BuyerAuthentication buyers, @DefaultValue Jwt jwt) {

  /** How buyers prove who they are. */
  public enum BuyerAuthentication {
    NONE,
    JWT
  }

  /**
   * @param issuerUri an OpenID issuer: its discovery document names the key set, and tokens must
   *     carry it as {@code iss}
   * @param jwkSetUri a JWK set URL, without issuer check
   * @param hs256Secret a shared HMAC secret (at least 32 bytes) — for tests and local runs
   */
  public record Jwt(String issuerUri, String jwkSetUri, String hs256Secret) {}

  public boolean buyersNeedJwt() {
    return buyers == BuyerAuthentication.JWT;
  }
}

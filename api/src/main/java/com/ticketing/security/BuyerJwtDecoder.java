package com.ticketing.security;

import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.StringUtils;

/** Builds the buyers' JWT decoder from {@code ticketing.security.jwt.*}; exactly one source must be set. */
final class BuyerJwtDecoder {

  private static final int MIN_SECRET_BYTES = 32;

  private BuyerJwtDecoder() {}

  static JwtDecoder from(SecurityProperties.Jwt jwt) {
    int sources =
        (StringUtils.hasText(jwt.issuerUri()) ? 1 : 0)
            + (StringUtils.hasText(jwt.jwkSetUri()) ? 1 : 0)
            + (StringUtils.hasText(jwt.hs256Secret()) ? 1 : 0);
    if (sources != 1) {
      throw new IllegalStateException(
          "ticketing.security.buyers=jwt needs exactly one of ticketing.security.jwt.issuer-uri, jwk-set-uri,"
              + " hs256-secret (" + sources + " set)");
    }
    if (StringUtils.hasText(jwt.issuerUri())) {
      // Resolved on the first token, so that the service starts while the issuer is down.
      NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(jwt.issuerUri()).build();
      decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(jwt.issuerUri()));
      return decoder;
    }
    if (StringUtils.hasText(jwt.jwkSetUri())) {
      return NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
    }
    byte[] secret = jwt.hs256Secret().getBytes(StandardCharsets.UTF_8);
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalStateException("ticketing.security.jwt.hs256-secret must be at least 32 bytes");
    }
    return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
        .macAlgorithm(MacAlgorithm.HS256)
        .build();
  }
}

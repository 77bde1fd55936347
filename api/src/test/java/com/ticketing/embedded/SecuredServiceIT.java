package com.ticketing.embedded;

import com.ticketing.it.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.ticketing.it.ApiClient;
import com.ticketing.it.ApiClient.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The packaged jar as production runs it: the {@code external} profile with buyer JWTs
 * ({@code ticketing.security.buyers=jwt}, HS256), on a database of its own. A separate process
 * because the integration tests share one Spring context and one Temporal worker. Shows that no
 * demo data appears uninvited, that buyers are their token's subject and see nothing of other
 * buyers (401 / 403 / 404), that JWT roles open the operator API, and that health hides its
 * details from anonymous callers.
 */
class SecuredServiceIT {

  private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(180);
  private static final Duration SAGA_DEADLINE = Duration.ofSeconds(90);
  private static final String DATABASE = "ticketing_secured";
  private static final String SECRET = "secured-service-it-hs256-secret-of-at-least-32-bytes";
  private static final String VIEWER_TOKEN = "secured-viewer";
  private static final long ALICE = 501;
  private static final long BOB = 502;
  private static final long BALANCE = 50_000;

  private static ServiceProcess service;
  private static JdbcTemplate jdbc;
  private static int usersAtStart;
  private static ApiClient api;

  @BeforeAll
  static void startTheServiceWithBuyerJwts() {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    ExternalEngines engines = ExternalEngines.start();
    Map<String, String> environment = engines.environment(DATABASE, "all");
    environment.put("OPERATOR_TOKEN", "secured-operator");
    environment.put("VIEWER_TOKEN", VIEWER_TOKEN);
    List<String> arguments = new ArrayList<>(ExternalEngines.MARIADB_ARGUMENTS);
    arguments.add("--ticketing.security.buyers=jwt");
    arguments.add("--ticketing.security.jwt.hs256-secret=" + SECRET);
    int port = ServiceProcess.freePort();
    service = ServiceProcess.start("secured-service", port, environment, arguments);
    api = new ApiClient(port);
    service.awaitHealthy(STARTUP_DEADLINE);
    awaitReady();
    jdbc = engines.jdbc(DATABASE);
    usersAtStart = jdbc.queryForObject("SELECT COUNT(*) FROM users", Integer.class);
    for (long user : List.of(ALICE, BOB)) {
      jdbc.update("INSERT INTO users (id, point_balance) VALUES (?, ?)", user, BALANCE);
      jdbc.update("INSERT INTO point_grants (user_id, amount, grant_ref) VALUES (?, ?, ?)", user, BALANCE, "it-" + user);
    }
    for (long seat = 1; seat <= 10; seat++) {
      jdbc.update("INSERT INTO seats (id, label, price) VALUES (?, ?, ?)", seat, "S-" + seat, 1_000 * seat);
    }
  }

  @AfterAll
  static void stopTheService() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void theExternalProfileLoadsNoDemoData() {
    assertThat(usersAtStart).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE id BETWEEN 1 AND 100", Integer.class)).isZero();
  }

  @Test
  void withoutAValidTokenBuyersGet401() {
    Response noToken = api.get("/api/users/" + ALICE + "/points");
    Response forged = asBuyer("GET", "/api/users/" + ALICE + "/points", null, tokenSignedWith(ALICE, "x".repeat(40)));
    Response hold = api.post("/api/reservations", Map.of("seatId", 1));

    assertThat(List.of(noToken.status(), forged.status(), hold.status())).containsOnly(401);
    assertThat(noToken.contentType()).startsWith("application/problem+json");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservations WHERE seat_id = 1", Integer.class)).isZero();
  }

  @Test
  void aBuyerIsTheTokensSubjectAndCannotActForAnother() {
    Response held = asBuyer("POST", "/api/reservations", "{\"seatId\": 2}", token(ALICE));
    Response asBob = asBuyer("POST", "/api/reservations", "{\"userId\": " + BOB + ", \"seatId\": 3}", token(ALICE));

    assertThat(held.status()).isEqualTo(201);
    assertThat(held.body().path("userId").asLong()).isEqualTo(ALICE);
    assertThat(asBob.status()).isEqualTo(403);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservations WHERE seat_id = 3", Integer.class)).isZero();
  }

  @Test
  void anotherBuyersPointsReservationsAndPaymentsAnswer404() {
    long reservationId = asBuyer("POST", "/api/reservations", "{\"seatId\": 4}", token(ALICE)).body()
        .path("reservationId").asLong();

    Response bobsPayment =
        asBuyer("POST", "/api/payments", "{\"reservationId\": " + reservationId + ", \"paymentTxId\": \"bob-pays\"}",
            token(BOB));
    Response alicePays =
        asBuyer("POST", "/api/payments", "{\"reservationId\": " + reservationId + ", \"paymentTxId\": \"alice-pays\"}",
            token(ALICE));

    assertThat(asBuyer("GET", "/api/users/" + ALICE + "/points", null, token(BOB)).status()).isEqualTo(404);
    assertThat(asBuyer("GET", "/api/reservations/" + reservationId, null, token(BOB)).status()).isEqualTo(404);
    assertThat(bobsPayment.status()).isEqualTo(404);
    assertThat(jdbc.queryForObject(
            "SELECT COUNT(*) FROM payment_transactions WHERE payment_tx_id = 'bob-pays'", Integer.class))
        .isZero();
    assertThat(alicePays.status()).isEqualTo(202);
    assertThat(asBuyer("GET", "/api/payments/alice-pays", null, token(BOB)).status()).isEqualTo(404);
    assertThat(asBuyer("GET", "/api/reservations/" + reservationId, null, token(ALICE)).status()).isEqualTo(200);
    JsonNode paid = awaitFinal("alice-pays", token(ALICE));
    assertThat(paid.path("status").asString()).isEqualTo("SUCCESS");
    assertThat(paid.path("userId").asLong()).isEqualTo(ALICE);
    assertThat(asBuyer("GET", "/api/users/" + ALICE + "/points", null, token(ALICE)).body().path("balance").asLong())
        .isEqualTo(BALANCE - 4_000);
  }

  @Test
  void operatorTokensAreNoBuyersAndJwtRolesOpenTheOperatorApi() {
    String viewer = token(900, List.of("viewer"));
    String operator = token(901, List.of("operator"));

    Response tokenAsBuyer = api.send("GET", "/api/users/" + ALICE + "/points", "X-Operator-Token", VIEWER_TOKEN);
    Response buyerOnAdmin = asBuyer("GET", "/api/admin/sagas", null, token(ALICE));
    Response viewerReads = asBuyer("GET", "/api/admin/sagas", null, viewer);
    Response viewerDecides = asBuyer("POST", "/api/admin/sagas/any/retry", "{\"reason\": \"r\"}", viewer);
    Response operatorDecides = asBuyer("POST", "/api/admin/sagas/no-such-saga/retry", "{\"reason\": \"checking\"}", operator);

    assertThat(tokenAsBuyer.status()).isEqualTo(403);
    assertThat(buyerOnAdmin.status()).isEqualTo(403);
    assertThat(viewerReads.status()).isEqualTo(200);
    assertThat(viewerDecides.status()).isEqualTo(403);
    assertThat(operatorDecides.status()).isEqualTo(404);
    assertThat(jdbc.queryForMap(
            "SELECT actor, result FROM operator_audit WHERE payment_tx_id = 'no-such-saga' ORDER BY id DESC LIMIT 1"))
        .containsEntry("actor", "jwt:901")
        .containsEntry("result", "not_found");
  }

  @Test
  void healthHidesItsDetailsFromAnonymousCallers() {
    JsonNode anonymous = api.get("/actuator/health").body();
    JsonNode asViewer = api.send("GET", "/actuator/health", "X-Operator-Token", VIEWER_TOKEN).body();

    assertThat(anonymous.path("status").asString()).isEqualTo("UP");
    assertThat(anonymous.has("components")).isFalse();
    assertThat(asViewer.path("components").path("db").path("status").asString()).isEqualTo("UP");
    assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
  }

  private static Response asBuyer(String method, String path, String json, String jwt) {
    return api.sendJson(method, path, json, "Authorization", "Bearer " + jwt);
  }

  private static String token(long subject) {
    return token(subject, List.of());
  }

  private static String token(long subject, List<String> roles) {
    return sign(subject, roles, SECRET);
  }

  private static String tokenSignedWith(long subject, String secret) {
    return sign(subject, List.of(), secret);
  }

  private static String sign(long subject, List<String> roles, String secret) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject(Long.toString(subject))
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))));
    if (!roles.isEmpty()) {
      claims.claim("roles", roles);
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
    try {
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static JsonNode awaitFinal(String paymentTxId, String jwt) {
    long end = System.nanoTime() + SAGA_DEADLINE.toNanos();
    JsonNode view = asBuyer("GET", "/api/payments/" + paymentTxId, null, jwt).body();
    while (!view.path("final").asBoolean()) {
      assertThat(System.nanoTime()).as("saga %s not final: %s\n%s", paymentTxId, view, service.tail(40)).isLessThan(end);
      pause();
      view = asBuyer("GET", "/api/payments/" + paymentTxId, null, jwt).body();
    }
    return view;
  }

  /** Readiness comes after the start-up runners (the demo data loader among them). */
  private static void awaitReady() {
    long end = System.nanoTime() + STARTUP_DEADLINE.toNanos();
    while (api.get("/actuator/health/readiness").status() != 200) {
      assertThat(System.nanoTime()).as("readiness\n%s", service.tail(40)).isLessThan(end);
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package com.ticketing.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client of the running service, so the tests see exactly what a caller sees. */
public final class ApiClient {

  /** One answer: status, content type and the body as JSON (a missing node when not JSON). */
  public record Response(int status, String contentType, JsonNode body) {}

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String baseUrl;

  public ApiClient(int port) {
    this.baseUrl = "http://127.0.0.1:" + port;
  }

  public Response hold(long userId, long seatId) {
    return post("/api/reservations", Map.of("userId", userId, "seatId", seatId));
  }

  public Response pay(long userId, long reservationId, String paymentTxId) {
    return post(
        "/api/payments",
        Map.of("userId", userId, "reservationId", reservationId, "paymentTxId", paymentTxId));
  }

  public Response payment(String paymentTxId) {
    return get("/api/payments/" + paymentTxId);
  }

  public long balance(long userId) {
    Response response = get("/api/users/" + userId + "/points");
    if (response.status() != 200) {
      throw new AssertionError("GET points of user " + userId + " answered " + response);
    }
    return response.body().path("balance").asLong();
  }

  /** Posts the fields as a JSON object; a field left out of the map is absent from the body. */
  public Response post(String path, Map<String, ?> fields) {
    return post(path, JSON.writeValueAsString(new LinkedHashMap<>(fields)));
  }

  public Response post(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
  }

  /** A GET or an empty POST with extra headers (name, value, name, value, …). */
  public Response send(String method, String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  /** A request with a JSON body (none when null) and extra headers (name, value, name, value, …). */
  public Response sendJson(String method, String path, String json, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  private Response send(HttpRequest request) {
    try {
      HttpRequest bounded = HttpRequest.newBuilder(request, (name, value) -> true).timeout(REQUEST_TIMEOUT).build();
      HttpResponse<String> response = http.send(bounded, HttpResponse.BodyHandlers.ofString());
      String contentType = response.headers().firstValue("Content-Type").orElse("");
      return new Response(response.statusCode(), contentType, parse(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
    } catch (RuntimeException notJson) {
      return JSON.missingNode();
    }
  }
}

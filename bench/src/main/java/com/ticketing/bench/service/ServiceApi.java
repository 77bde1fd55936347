package com.ticketing.bench.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's REST API as a client sees it: JSON in, status and JSON out. */
public final class ServiceApi {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String baseUrl;
  private final Duration requestTimeout;
  private final HttpClient http;

  /** How the service answered: the status and the body (null when it is not JSON). */
  public record Answer(int status, JsonNode body, String text) {

    /** The body's {@code detail} (a problem answer) or the raw text, for error messages. */
    public String detail() {
      String detail = body == null ? null : body.path("detail").asString(null);
      return detail != null ? detail : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
  }

  public ServiceApi(String baseUrl, Duration requestTimeout) {
    this.baseUrl = baseUrl;
    this.requestTimeout = requestTimeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  public String baseUrl() {
    return baseUrl;
  }

  public Answer get(String path) {
    return get(path, Map.of());
  }

  public Answer get(String path, Map<String, String> headers) {
    HttpRequest.Builder request = request(path).GET();
    headers.forEach(request::header);
    return send(request.build());
  }

  public Answer post(String path, Map<String, ?> fields) {
    return send(
        request(path)
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(fields)))
            .build());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(requestTimeout);
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), parse(response.body()), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
    }
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (JacksonException notJson) {
      return null;
    }
  }
}

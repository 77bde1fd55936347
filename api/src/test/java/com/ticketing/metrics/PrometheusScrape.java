package com.ticketing.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of {@code /actuator/prometheus} (the text format), as series with their values. */
record PrometheusScrape(int status, List<Sample> samples) {

  /** One line: a series name, its labels, its value. */
  record Sample(String name, Map<String, String> labels, double value) {}

  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Scrapes with the headers given (name, value, …). */
  static PrometheusScrape of(int port, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
            .timeout(Duration.ofSeconds(10))
            .GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new PrometheusScrape(
          response.statusCode(), response.statusCode() == 200 ? parse(response.body()) : List.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The names of every series exported, as Prometheus stores them (e.g. {@code x_total}, {@code x_bucket}). */
  Set<String> names() {
    Set<String> names = new TreeSet<>();
    samples.forEach(sample -> names.add(sample.name()));
    return names;
  }

  /** The sum over the series of this name whose labels include the pairs given (name, value, …). */
  double sum(String name, String... labelPairs) {
    double sum = 0;
    for (Sample sample : samples) {
      if (sample.name().equals(name) && hasLabels(sample, labelPairs)) {
        sum += sample.value();
      }
    }
    return sum;
  }

  private static boolean hasLabels(Sample sample, String... labelPairs) {
    for (int i = 0; i < labelPairs.length; i += 2) {
      if (!labelPairs[i + 1].equals(sample.labels().get(labelPairs[i]))) {
        return false;
      }
    }
    return true;
  }

  private static List<Sample> parse(String body) {
    List<Sample> samples = new ArrayList<>();
    for (String line : body.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.indexOf(' ');
      Map<String, String> labels = new LinkedHashMap<>();
      String name;
      String rest;
      if (brace >= 0 && brace < space) {
        int close = closingBrace(line, brace);
        name = line.substring(0, brace);
        Matcher label = LABEL.matcher(line.substring(brace + 1, close));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
        rest = line.substring(close + 1).trim();
      } else {
        name = line.substring(0, space);
        rest = line.substring(space + 1).trim();
      }
      samples.add(new Sample(name, labels, Double.parseDouble(rest.split(" ")[0])));
    }
    return samples;
  }

  private static int closingBrace(String line, int open) {
    boolean quoted = false;
    for (int i = open + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == '}' && !quoted) {
        return i;
      }
    }
    throw new IllegalArgumentException("no closing brace: " + line);
  }
}

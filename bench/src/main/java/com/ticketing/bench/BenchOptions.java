package com.ticketing.bench;

import com.ticketing.embedded.TemporalCli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * What one bench run does. Each option is {@code --name=value} on the command line or
 * {@code -Dbench.name=value} as a system property; the command line wins over the property,
 * the property over the default.
 *
 * @param temporal the Temporal server of the embedded service; null for an external or attached
 *     service, which runs on whatever Temporal its engines are
 */
public record BenchOptions(
    ServiceTarget service,
    String serviceUrl,
    String temporalAddress,
    String temporalNamespace,
    TemporalServer temporal,
    String operatorToken,
    ExternalEngines externalEngines,
    Path serviceJar,
    String serviceHeap,
    List<String> serviceArgs,
    int sagas,
    int sequentialSagas,
    List<Integer> concurrencies,
    int warmup,
    Duration pollInterval,
    List<BenchPath> paths,
    int historySample,
    int ceilingActivities,
    int users,
    int seats,
    long pointsPerUser,
    long idOffset,
    Duration sagaTimeout,
    Duration phaseTimeout,
    Duration startupTimeout,
    Duration settle,
    int directPoolSize,
    Path resultsDir,
    Path logDir) {

  /** At least this many demo users and seats, whatever the run needs (the sizing). */
  static final int MIN_USERS = 10_000;
  static final int MIN_SEATS = 25_000;

  private record Option(String name, String defaultValue, String meaning) {}

  private static final List<Option> OPTIONS =
      List.of(
          new Option("sagas", "2000", "sagas per path and concurrency"),
          new Option("sequential-sagas", "200", "sagas per path at concurrency 1 (sequential sagas take minutes)"),
          new Option("concurrency", "1,20,50", "the concurrencies to run, comma-separated"),
          new Option("warmup", "200", "unreported sagas per path before its measured runs (at the highest concurrency)"),
          new Option("poll-interval", "50ms", "how often a client polls GET /api/payments/{id}"),
          new Option("paths", "saga,ceiling,direct", "which of saga, ceiling (no-op workflow), direct (no Temporal) to run"),
          new Option("history-sample", "20", "happy sagas whose Temporal histories are counted"),
          new Option("ceiling-activities", "7", "no-op activities per ceiling workflow (the saga's happy path has 7)"),
          new Option("service", "embedded", "embedded | external (jar + external profile, engines from MYSQL_URL, "
              + "MYSQL_USER, MYSQL_PASSWORD, KAFKA_BOOTSTRAP_SERVERS, TEMPORAL_ADDRESS) | attached (a running service)"),
          new Option("service-url", "", "attached: the service's base URL, e.g. http://127.0.0.1:8080"),
          new Option("temporal-address", "", "attached: its Temporal frontend host:port (default: TEMPORAL_ADDRESS)"),
          new Option("temporal-namespace", "default", "the Temporal namespace of the saga and the ceiling"),
          new Option("temporal", "", "embedded: the service's Temporal, dev-server (the Temporal CLI's dev server,"
              + " a process of its own) | test-server (Temporal's Java test server, inside the service JVM); default:"
              + " dev-server when a Temporal CLI is found (-Dticketing.embedded.temporal-cli, TEMPORAL_CLI or temporal"
              + " on PATH), else test-server"),
          new Option("operator-token", "", "attached: the operator token, for the closing reconciliation (default: OPERATOR_TOKEN)"),
          new Option("service-jar", "", "the service jar (default: the one api/target/api-*.jar)"),
          new Option("service-heap", "2g", "-Xmx of the launched service JVM"),
          new Option("service-args", "", "more program arguments for the launched service, space-separated"),
          new Option("users", "auto", "demo users of the launched service (auto: max(10000, what the run needs))"),
          new Option("seats", "auto", "demo seats of the launched service (auto: max(25000, what the run needs))"),
          new Option("points-per-user", "1000000", "demo points per user (a seat costs at most 100,000)"),
          new Option("id-offset", "0", "users and seats start after this id (to re-run against the same database)"),
          new Option("saga-timeout", "120s", "how long one saga may take before it counts as TIMEOUT"),
          new Option("phase-timeout", "30m", "how long one path at one concurrency may run; later sagas are not started"),
          new Option("startup-timeout", "300s", "how long the launched service may take to be healthy"),
          new Option("settle", "3s", "pause between runs, for the service's background work to catch up"),
          new Option("direct-pool-size", "24", "database connections of the direct path (the service's pool is 24)"),
          new Option("results-dir", "bench/results", "where latest.json, latest.md and latest.png are written"),
          new Option("log-dir", "bench/target", "where the service's log is written"));

  /** Reads the options; {@code env} supplies the external engines' variables and attached-mode defaults. */
  public static BenchOptions parse(List<String> args, Map<String, String> systemProperties, Map<String, String> env) {
    return parse(args, systemProperties, env, () -> TemporalServer.locateCli().isPresent());
  }

  /** As above; {@code temporalCliFound} says whether the launched service will find the Temporal CLI. */
  static BenchOptions parse(
      List<String> args, Map<String, String> systemProperties, Map<String, String> env, BooleanSupplier temporalCliFound) {
    Map<String, String> values = new LinkedHashMap<>();
    OPTIONS.forEach(option -> values.put(option.name(), option.defaultValue()));
    systemProperties.forEach((key, value) -> {
      if (key.startsWith("bench.")) {
        put(values, key.substring("bench.".length()), value, "-D" + key);
      }
    });
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0) {
        throw new IllegalArgumentException("options are --name=value, not '" + arg + "'");
      }
      put(values, arg.substring(2, equals), arg.substring(equals + 1), arg);
    }
    return build(values, env, temporalCliFound);
  }

  private static void put(Map<String, String> values, String name, String value, String source) {
    if (!values.containsKey(name)) {
      throw new IllegalArgumentException("unknown option " + source + "; see --help");
    }
    values.put(name, value);
  }

  private static BenchOptions build(Map<String, String> values, Map<String, String> env, BooleanSupplier temporalCliFound) {
    ServiceTarget service = ServiceTarget.parse(values.get("service"));
    List<BenchPath> paths = list(values.get("paths")).stream().map(BenchPath::parse).distinct().toList();
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("--paths needs at least one of saga, ceiling, direct");
    }
    String serviceUrl = values.get("service-url").strip();
    String temporalAddress = values.get("temporal-address").strip();
    String operatorToken = values.get("operator-token").strip();
    String temporalChoice = values.get("temporal").strip();
    TemporalServer temporal = null;
    ExternalEngines engines = null;
    if (service != ServiceTarget.EMBEDDED && !temporalChoice.isEmpty()) {
      throw new IllegalArgumentException(
          "--temporal is for --service=embedded; an external or attached service runs on its engines' Temporal"
              + " (TEMPORAL_ADDRESS or --temporal-address)");
    }
    switch (service) {
      case EMBEDDED -> {
        if (!serviceUrl.isEmpty() || !temporalAddress.isEmpty()) {
          throw new IllegalArgumentException(
              "--service-url and --temporal-address are for --service=attached; the embedded service picks its own ports");
        }
        temporal = embeddedTemporal(temporalChoice, temporalCliFound);
      }
      case EXTERNAL -> {
        engines = ExternalEngines.fromEnvironment(env, "--service=external");
        temporalAddress = engines.temporalAddress();
      }
      case ATTACHED -> {
        if (serviceUrl.isEmpty()) {
          throw new IllegalArgumentException("--service=attached needs --service-url (e.g. http://127.0.0.1:8080)");
        }
        if (temporalAddress.isEmpty()) {
          temporalAddress = env.getOrDefault("TEMPORAL_ADDRESS", "").strip();
        }
        if (temporalAddress.isEmpty()) {
          throw new IllegalArgumentException("--service=attached needs --temporal-address or TEMPORAL_ADDRESS");
        }
        if (operatorToken.isEmpty()) {
          operatorToken = env.getOrDefault("OPERATOR_TOKEN", "");
        }
        if (paths.contains(BenchPath.DIRECT)) {
          engines = ExternalEngines.fromEnvironment(
              env, "the direct path against an attached service (or leave it out: --paths=saga,ceiling)");
        }
      }
    }
    List<Integer> concurrencies =
        list(values.get("concurrency")).stream().map(text -> positive("concurrency", text)).distinct().sorted().toList();
    if (concurrencies.isEmpty()) {
      throw new IllegalArgumentException("--concurrency needs at least one value");
    }
    String jar = values.get("service-jar").strip();
    String serviceArgs = values.get("service-args").strip();
    BenchOptions options =
        new BenchOptions(
            service,
            serviceUrl.replaceAll("/+$", ""),
            temporalAddress,
            values.get("temporal-namespace").strip(),
            temporal,
            operatorToken,
            engines,
            jar.isEmpty() ? null : Path.of(jar),
            values.get("service-heap").strip(),
            serviceArgs.isEmpty() ? List.of() : Arrays.asList(serviceArgs.split("\\s+")),
            positive("sagas", values.get("sagas")),
            positive("sequential-sagas", values.get("sequential-sagas")),
            concurrencies,
            atLeastZero("warmup", values.get("warmup")),
            DurationText.parse("poll-interval", values.get("poll-interval")),
            paths,
            atLeastZero("history-sample", values.get("history-sample")),
            positive("ceiling-activities", values.get("ceiling-activities")),
            auto("users", values.get("users")),
            auto("seats", values.get("seats")),
            positive("points-per-user", values.get("points-per-user")),
            atLeastZero("id-offset", values.get("id-offset")),
            DurationText.parse("saga-timeout", values.get("saga-timeout")),
            DurationText.parse("phase-timeout", values.get("phase-timeout")),
            DurationText.parse("startup-timeout", values.get("startup-timeout")),
            DurationText.parse("settle", values.get("settle")),
            positive("direct-pool-size", values.get("direct-pool-size")),
            Path.of(values.get("results-dir")),
            Path.of(values.get("log-dir")));
    options.checkSizes();
    return options;
  }

  /** As asked, else the dev server where the CLI is found; the dev server without the CLI fails here, not at start-up. */
  private static TemporalServer embeddedTemporal(String choice, BooleanSupplier temporalCliFound) {
    if (choice.isEmpty()) {
      return temporalCliFound.getAsBoolean() ? TemporalServer.DEV_SERVER : TemporalServer.TEST_SERVER;
    }
    TemporalServer chosen = TemporalServer.parse(choice);
    if (chosen == TemporalServer.DEV_SERVER && !temporalCliFound.getAsBoolean()) {
      throw new IllegalArgumentException(
          "--temporal=dev-server needs the Temporal CLI, and none was found: " + TemporalCli.HOW_TO_INSTALL
              + "; or use --temporal=test-server");
    }
    return chosen;
  }

  /** Sagas per path at this concurrency. */
  public int sagasAt(int concurrency) {
    return concurrency == 1 ? sequentialSagas : sagas;
  }

  /** Users (and seats) the run takes: one per saga of the saga and direct paths, warm-ups included. */
  public long idsNeeded() {
    long perPath = warmup + concurrencies.stream().mapToLong(this::sagasAt).sum();
    return perPath * paths.stream().filter(path -> path != BenchPath.CEILING).count();
  }

  /** Demo users for a launched service: as asked, or enough for the run and at least 10,000. */
  public int demoUsers() {
    return users > 0 ? users : (int) Math.max(MIN_USERS, idOffset + idsNeeded());
  }

  public int demoSeats() {
    return seats > 0 ? seats : (int) Math.max(MIN_SEATS, idOffset + idsNeeded());
  }

  private void checkSizes() {
    long last = idOffset + idsNeeded();
    if (service != ServiceTarget.ATTACHED && (demoUsers() < last || demoSeats() < last)) {
      throw new IllegalArgumentException(
          "the run needs users and seats up to id " + last + " (one per saga), but --users=" + demoUsers()
              + " and --seats=" + demoSeats());
    }
  }

  /** The --help text. */
  public static String usage() {
    int width = OPTIONS.stream().mapToInt(option -> option.name().length()).max().orElse(10) + 4;
    return "usage: bench/run [--name=value | -Dbench.name=value]...\n"
        + OPTIONS.stream()
            .map(option -> String.format(
                "  --%-" + width + "s%s%s", option.name(), option.meaning(),
                option.defaultValue().isEmpty() ? "" : " [" + option.defaultValue() + "]"))
            .collect(Collectors.joining("\n"));
  }

  private static List<String> list(String text) {
    List<String> items = new ArrayList<>();
    for (String item : text.split(",")) {
      if (!item.isBlank()) {
        items.add(item.strip());
      }
    }
    return items;
  }

  private static int positive(String name, String text) {
    long value = number(name, text);
    if (value < 1 || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("--" + name + " must be a positive number, not '" + text + "'");
    }
    return (int) value;
  }

  private static int atLeastZero(String name, String text) {
    long value = number(name, text);
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("--" + name + " must be 0 or more, not '" + text + "'");
    }
    return (int) value;
  }

  private static int auto(String name, String text) {
    return text.strip().equalsIgnoreCase("auto") ? 0 : positive(name, text);
  }

  private static long number(String name, String text) {
    try {
      return Long.parseLong(text.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number, not '" + text + "'");
    }
  }
}

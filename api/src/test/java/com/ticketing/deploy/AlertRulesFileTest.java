package com.ticketing.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The alert rules and Prometheus's configuration of the full stack (deploy/prometheus). Their
 * structure is checked here always; with promtool installed (Debian's prometheus package, which
 * .ci/run installs) the rules are also checked and unit-tested by Prometheus's own tool, and
 * without it that test is skipped, saying so.
 */
class AlertRulesFileTest {

  private static final Path DIR = Path.of("deploy/prometheus");
  private static final String DURATION = "(\\d+(ms|s|m|h|d|w|y))+";

  @Test
  void everyRuleHasTheShapePrometheusLoads() throws IOException {
    List<Map<String, Object>> rules = rules();
    Set<String> names = new HashSet<>();

    for (Map<String, Object> rule : rules) {
      String name = String.valueOf(rule.get("alert"));
      assertThat(name).as("alert name").matches("[A-Za-z][A-Za-z0-9_]*");
      assertThat(names.add(name)).as("alert " + name + " once").isTrue();
      assertThat(rule.keySet()).as(name).isSubsetOf("alert", "expr", "for", "keep_firing_for", "labels", "annotations");
      String expr = String.valueOf(rule.get("expr"));
      assertThat(expr).as(name + " expr").isNotBlank();
      assertThat(balanced(expr)).as(name + " brackets of " + expr).isTrue();
      if (rule.containsKey("for")) {
        assertThat(String.valueOf(rule.get("for"))).as(name + " for").matches(DURATION);
      }
      assertThat(map(rule.get("labels"))).as(name + " labels").containsKey("severity");
      assertThat(map(rule.get("annotations"))).as(name + " annotations").containsKeys("summary", "description");
    }
  }

  @Test
  void alertsOnAParkedSagaOverTenMinutesAnyViolationAndAP99Above10Seconds() throws IOException {
    Map<String, String> expressions = new TreeMap<>();
    rules().forEach(rule -> expressions.put(String.valueOf(rule.get("alert")), String.valueOf(rule.get("expr"))));

    assertThat(expressions)
        .containsEntry("SagaParkedOverTenMinutes", "max(ticketing_saga_parked_oldest_age_seconds) > 600")
        .containsEntry("ReconciliationViolation", "max by (rule) (ticketing_reconciliation_violations) > 0")
        .containsEntry(
            "SagaLatencyP99High",
            "histogram_quantile(0.99, sum by (le) (rate(ticketing_saga_duration_seconds_bucket[5m]))) > 10");
  }

  @Test
  void prometheusLoadsTheRulesAndScrapesBothServicesAsAViewer() throws IOException {
    Map<String, Object> config = yaml(DIR.resolve("prometheus.yml"));
    assertThat(list(config.get("rule_files"))).containsExactly("/etc/prometheus/alerts.yml");

    List<Object> jobs = list(config.get("scrape_configs"));
    assertThat(jobs).hasSize(1);
    Map<String, Object> job = map(jobs.get(0));
    assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
    Map<String, Object> header = map(map(job.get("http_headers")).get("X-Operator-Token"));
    assertThat(list(header.get("files"))).containsExactly("/run/scrape/viewer-token");
    Map<String, Object> discovery = map(list(job.get("dns_sd_configs")).get(0));
    assertThat(list(discovery.get("names"))).containsExactlyInAnyOrder("payment-saga", "payment-saga-worker");
    assertThat(discovery).containsEntry("port", 8080).containsEntry("type", "A");

    String start = Files.readString(repositoryFile(DIR.resolve("start.sh")));
    assertThat(start)
        .contains("> /run/scrape/viewer-token")
        .contains("${VIEWER_TOKEN:?")
        .contains("umask 077")
        .contains("--config.file=/etc/prometheus/prometheus.yml");
  }

  @Test
  void promtoolAcceptsTheRulesAndTheirUnitTestsPass() throws Exception {
    assumeTrue(
        onPath("promtool"),
        "promtool is not installed (Debian package prometheus): only the structural checks of the rules ran");

    assertThat(promtool("check", "rules", "alerts.yml")).contains("SUCCESS: 3 rules found");
    assertThat(promtool("test", "rules", "alerts.test.yml")).contains("SUCCESS");
  }

  // --- helpers ----------------------------------------------------------------------------

  private static String promtool(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("promtool"));
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command).directory(repositoryFile(DIR).toFile()).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("promtool %s:%n%s", String.join(" ", arguments), output).isZero();
    return output;
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static List<Map<String, Object>> rules() throws IOException {
    Map<String, Object> file = yaml(DIR.resolve("alerts.yml"));
    assertThat(file.keySet()).containsExactly("groups");
    List<Map<String, Object>> rules = new ArrayList<>();
    Set<String> groups = new HashSet<>();
    for (Object group : list(file.get("groups"))) {
      assertThat(groups.add(String.valueOf(map(group).get("name")))).as("group names are unique").isTrue();
      list(map(group).get("rules")).forEach(rule -> rules.add(map(rule)));
    }
    assertThat(rules).isNotEmpty();
    return rules;
  }

  /** Round, square and curly brackets close in order, outside string literals. */
  private static boolean balanced(String expression) {
    StringBuilder open = new StringBuilder();
    char quote = 0;
    for (char c : expression.toCharArray()) {
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if ("([{".indexOf(c) >= 0) {
        open.append(c);
      } else if (")]}".indexOf(c) >= 0) {
        if (open.isEmpty() || "([{".indexOf(open.charAt(open.length() - 1)) != ")]}".indexOf(c)) {
          return false;
        }
        open.setLength(open.length() - 1);
      }
    }
    return open.isEmpty() && quote == 0;
  }

  private static Map<String, Object> yaml(Path relative) throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    try (Reader reader = Files.newBufferedReader(repositoryFile(relative))) {
      return new Yaml(new SafeConstructor(options)).load(reader);
    }
  }

  static Path repositoryFile(Path relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(relative))) {
        return dir.resolve(relative);
      }
    }
    throw new IllegalStateException("no " + relative + " in " + Path.of("").toAbsolutePath() + " or any parent");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    assertThat(value).isInstanceOf(List.class);
    return (List<Object>) value;
  }
}

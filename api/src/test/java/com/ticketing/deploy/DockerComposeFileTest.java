package com.ticketing.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.ticketing.embedded.TemporalDevServer;
import com.ticketing.events.SagaEventType;
import com.ticketing.saga.SagaSearchAttributes;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads docker-compose.yml and the deploy/ scripts it runs, and checks them against what the
 * service and the saga expect: no Docker needed, so a broken stack fails the build, not the demo.
 */
class DockerComposeFileTest {

  private static final List<String> SAGA_INSTANCES = List.of("payment-saga", "payment-saga-worker");
  private static final List<String> BROKERS = List.of("kafka-1", "kafka-2", "kafka-3");
  private static final List<String> ONE_SHOT_JOBS = List.of("temporal-setup", "temporal-register", "kafka-init");
  /** Every secret the stack uses: none may have a default. */
  private static final List<String> CREDENTIALS =
      List.of(
          "TICKETING_DB_PASSWORD",
          "MYSQL_ROOT_PASSWORD",
          "TEMPORAL_DB_PASSWORD",
          "OPERATOR_TOKEN",
          "VIEWER_TOKEN",
          "GRAFANA_ADMIN_PASSWORD");
  /**
   * `${NAME}`, `${NAME:-default}`, `${NAME-default}`: compose interpolation, resolved to the
   * default; `${NAME:?error}` (required) and every credential to the stand-in `<NAME>`.
   */
  private static final Pattern COMPOSE_VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");
  /** A Spring placeholder `${NAME}` or `${NAME:default}`. */
  private static final Pattern SPRING_PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::[^}]*)?}");

  private static Path root;
  private static Map<String, Object> services;

  @BeforeAll
  static void loadComposeFile() throws IOException {
    root = repositoryRoot();
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    try (Reader reader = Files.newBufferedReader(root.resolve("docker-compose.yml"))) {
      Map<String, Object> compose = new Yaml(new SafeConstructor(options)).load(reader);
      services = map(compose.get("services"));
    }
  }

  // --- the service instances ---------------------------------------------------------------

  @Test
  void sagaInstancesSetExactlyTheExternalModeVariables() throws IOException {
    Map<String, String> database = environment("mysql");
    Map<String, String> contract = new TreeMap<>();
    contract.put("SPRING_PROFILES_ACTIVE", "external");
    contract.put("MYSQL_URL", "jdbc:mysql://mysql:3306/ticketing?connectionTimeZone=UTC");
    contract.put("MYSQL_USER", database.get("MYSQL_USER"));
    contract.put("MYSQL_PASSWORD", database.get("MYSQL_PASSWORD"));
    contract.put("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092,kafka-3:9092");
    contract.put("TEMPORAL_ADDRESS", "temporal:7233");
    contract.put("KAFKA_REPLICATION_FACTOR", "3");
    contract.put("KAFKA_MIN_INSYNC_REPLICAS", "2");
    // Anything else an instance sets must be a variable the external profile reads, or the mode.
    Set<String> allowed = new TreeSet<>(contract.keySet());
    allowed.addAll(externalProfilePlaceholders());
    allowed.add("TICKETING_MODE");

    assertThat(database).containsEntry("MYSQL_DATABASE", "ticketing");
    assertThat(database.get("MYSQL_USER")).isNotBlank();
    assertThat(database.get("MYSQL_PASSWORD")).isNotBlank();
    for (String instance : SAGA_INSTANCES) {
      Map<String, String> environment = environment(instance);
      assertThat(environment).as(instance).containsAllEntriesOf(contract);
      assertThat(allowed).as(instance + " sets only").containsAll(environment.keySet());
    }
  }

  @Test
  void apiInstanceRunsModeAllOnPort8080AndWorkerInstanceRunsModeWorkerUnpublished() {
    assertThat(environment("payment-saga")).containsEntry("TICKETING_MODE", "all");
    assertThat(environment("payment-saga-worker")).containsEntry("TICKETING_MODE", "worker");
    assertThat(publishedPorts("payment-saga")).containsExactly(new Published("", 8080, 8080));
    assertThat(publishedPorts("payment-saga-worker")).isEmpty();
    for (String instance : SAGA_INSTANCES) {
      assertThat(healthcheck(instance))
          .as(instance)
          .contains("curl")
          .contains("http://localhost:8080/actuator/health");
    }
  }

  @Test
  void everyPlaceholderOfTheExternalProfileIsSetOnBothInstances() throws IOException {
    Set<String> placeholders = externalProfilePlaceholders();

    assertThat(placeholders).contains("MYSQL_URL", "KAFKA_BOOTSTRAP_SERVERS", "TEMPORAL_ADDRESS");
    for (String instance : SAGA_INSTANCES) {
      assertThat(environment(instance).keySet()).as(instance).containsAll(placeholders);
    }
  }

  @Test
  void engineAddressesOfTheServiceAreContainersOfTheStack() {
    Map<String, String> environment = environment("payment-saga");

    Set<String> internalListeners = new TreeSet<>();
    for (String broker : BROKERS) {
      Map<String, String> listeners =
          listeners(environment(broker).get("KAFKA_ADVERTISED_LISTENERS"));
      internalListeners.add(listeners.get(environment(broker).get("KAFKA_INTER_BROKER_LISTENER_NAME")));
    }
    assertThat(new TreeSet<>(List.of(environment.get("KAFKA_BOOTSTRAP_SERVERS").split(","))))
        .isEqualTo(internalListeners);
    assertThat(services).containsKey(environment.get("TEMPORAL_ADDRESS").split(":")[0]);
    assertThat(environment.get("MYSQL_URL")).startsWith("jdbc:mysql://mysql:3306/");
    assertThat(services).containsKey("mysql");
  }

  // --- Temporal ---------------------------------------------------------------------------

  @Test
  void temporalRegisterCreatesExactlyTheSagaSearchAttributes() throws IOException {
    Map<String, String> registered = registeredSearchAttributes();

    assertThat(registered).isEqualTo(expectedSearchAttributes());
    assertThat(environment("temporal-register")).containsEntry("TEMPORAL_NAMESPACE", "default");
    String script = mountedScript("temporal-register", "deploy/temporal/register.sh");
    assertThat(script)
        .contains("for attribute in $SEARCH_ATTRIBUTES")
        .contains("temporal operator search-attribute create")
        .contains("--namespace \"$TEMPORAL_NAMESPACE\"")
        .contains("temporal operator namespace create");
  }

  /** The dev server of the default run and the tests registers what compose's server does. */
  @Test
  void theDevServerGetsTheSameSearchAttributesAsComposesServer() {
    List<String> devServerFlags = TemporalDevServer.searchAttributeFlags(SagaSearchAttributes.definitions());
    List<String> composeFlags = new ArrayList<>();
    registeredSearchAttributes().forEach((name, type) -> composeFlags.addAll(List.of("--search-attribute", name + "=" + type)));

    assertThat(devServerFlags).isNotEmpty().containsExactlyInAnyOrderElementsOf(composeFlags);
  }

  @Test
  void searchAttributesFitTheSlotsOfMySqlVisibility() {
    Map<String, Long> perType =
        registeredSearchAttributes().values().stream()
            .collect(Collectors.groupingBy(type -> type, Collectors.counting()));

    assertThat(perType.getOrDefault("Keyword", 0L)).isLessThanOrEqualTo(10);
    assertThat(perType.getOrDefault("Int", 0L)).isLessThanOrEqualTo(3);
  }

  @Test
  void temporalRunsOnMySql8AndIsHealthCheckedThroughItsFrontend() throws IOException {
    Map<String, String> server = environment("temporal");
    assertThat(server)
        .containsEntry("DB", "mysql8")
        .containsEntry("MYSQL_SEEDS", "mysql")
        .containsEntry("DB_PORT", "3306")
        .containsEntry("BIND_ON_IP", "0.0.0.0")
        .containsKeys("MYSQL_USER", "MYSQL_PWD", "DYNAMIC_CONFIG_FILE_PATH");
    assertThat(string(service("temporal").get("image"))).startsWith("temporalio/server:1.31.");
    assertThat(healthcheck("temporal"))
        .contains("operator cluster health --address temporal:7233")
        .doesNotContain("nc");

    Map<String, String> setup = environment("temporal-setup");
    assertThat(setup.get("MYSQL_USER")).isEqualTo(server.get("MYSQL_USER"));
    assertThat(setup.get("MYSQL_PWD")).isEqualTo(server.get("MYSQL_PWD"));
    assertThat(mountedScript("temporal-setup", "deploy/temporal/setup-schema.sh"))
        .contains("--plugin mysql8")
        .contains("$SCHEMA_DIR/temporal/versioned")
        .contains("$SCHEMA_DIR/visibility/versioned")
        .contains("setup-schema -v 0.0")
        .contains("update-schema -d");
  }

  @Test
  void temporalUiIsPublishedOn8088AndNoHostPortIsPublishedTwice() {
    assertThat(publishedPorts("temporal-ui")).containsExactly(new Published(LOOPBACK, 8088, 8080));
    assertThat(environment("temporal-ui"))
        .containsEntry("TEMPORAL_ADDRESS", "temporal:7233")
        .containsEntry("TEMPORAL_CORS_ORIGINS", "http://localhost:8088");

    List<Integer> hostPorts = new ArrayList<>();
    for (String name : services.keySet()) {
      publishedPorts(name).forEach(published -> hostPorts.add(published.host()));
    }
    assertThat(hostPorts).doesNotHaveDuplicates().contains(8080, 8088);
  }

  // --- Kafka ------------------------------------------------------------------------------

  @Test
  void kafkaInitCreatesEverySagaTopicWithThreePartitionsThreeReplicasAndMinIsrTwo()
      throws IOException {
    Map<String, String> init = environment("kafka-init");
    Set<String> sagaTopics =
        Arrays.stream(SagaEventType.values()).map(SagaEventType::topic).collect(Collectors.toSet());

    assertThat(new HashSet<>(List.of(init.get("TOPICS").trim().split("\\s+"))))
        .hasSize(7)
        .isEqualTo(sagaTopics);
    assertThat(init)
        .containsEntry("PARTITIONS", "3")
        .containsEntry("REPLICATION_FACTOR", "3")
        .containsEntry("MIN_INSYNC_REPLICAS", "2")
        .containsEntry("BOOTSTRAP_SERVERS", environment("payment-saga").get("KAFKA_BOOTSTRAP_SERVERS"));
    assertThat(mountedScript("kafka-init", "deploy/kafka/create-topics.sh"))
        .contains("for topic in $TOPICS")
        .contains("kafka-topics.sh\" --bootstrap-server \"$BOOTSTRAP_SERVERS\" --create --if-not-exists")
        .contains("--partitions \"$PARTITIONS\"")
        .contains("--replication-factor \"$REPLICATION_FACTOR\"")
        .contains("--config \"min.insync.replicas=$MIN_INSYNC_REPLICAS\"");
  }

  @Test
  void everyBrokerIsACombinedKraftNodeDefaultingToThreeReplicasAndMinIsrTwo() {
    Set<String> nodeIds = new TreeSet<>();
    Set<String> clusterIds = new HashSet<>();
    for (String broker : BROKERS) {
      Map<String, String> environment = environment(broker);
      assertThat(string(service(broker).get("image"))).as(broker).startsWith("apache/kafka:");
      assertThat(environment)
          .as(broker)
          .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
          .containsEntry(
              "KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093")
          .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
          .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
          .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
          .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
          .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2");
      assertThat(environment.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
          .as(broker + " votes as itself")
          .contains(environment.get("KAFKA_NODE_ID") + "@" + broker + ":9093");
      nodeIds.add(environment.get("KAFKA_NODE_ID"));
      clusterIds.add(environment.get("CLUSTER_ID"));
    }
    assertThat(nodeIds).containsExactly("1", "2", "3");
    assertThat(clusterIds).hasSize(1).doesNotContainNull();
  }

  @Test
  void everyBrokerIsReachableFromTheHostOnItsOwnPort() {
    List<Integer> hostPorts = List.of(9092, 9093, 9094);
    for (int i = 0; i < BROKERS.size(); i++) {
      String broker = BROKERS.get(i);
      Map<String, String> listeners = listeners(environment(broker).get("KAFKA_ADVERTISED_LISTENERS"));
      int hostPort = hostPorts.get(i);
      int containerPort = port(listenerAddress(environment(broker).get("KAFKA_LISTENERS"), "EXTERNAL"));

      assertThat(listeners).as(broker).containsEntry("EXTERNAL", "localhost:" + hostPort);
      assertThat(publishedPorts(broker)).as(broker).containsExactly(new Published(LOOPBACK, hostPort, containerPort));
    }
  }

  // --- start-up order ---------------------------------------------------------------------

  @Test
  void stackStartsInOrderOfWhatEachPartNeeds() {
    for (String instance : SAGA_INSTANCES) {
      assertThat(dependencies(instance))
          .as(instance)
          .containsEntry("mysql", "service_healthy")
          .containsEntry("temporal", "service_healthy")
          .containsEntry("temporal-register", "service_completed_successfully")
          .containsEntry("kafka-init", "service_completed_successfully");
    }
    assertThat(dependencies("temporal-setup")).containsEntry("mysql", "service_healthy");
    assertThat(dependencies("temporal"))
        .containsEntry("temporal-setup", "service_completed_successfully");
    assertThat(dependencies("temporal-register")).containsEntry("temporal", "service_healthy");
    assertThat(dependencies("kafka-init"))
        .containsEntry("kafka-1", "service_healthy")
        .containsEntry("kafka-2", "service_healthy")
        .containsEntry("kafka-3", "service_healthy");
  }

  @Test
  void everyAwaitedServiceCanSignalWhatIsAwaited() {
    for (String name : services.keySet()) {
      dependencies(name)
          .forEach(
              (dependency, condition) -> {
                assertThat(services).as(name + " depends on").containsKey(dependency);
                switch (condition) {
                  case "service_healthy" ->
                      assertThat(service(dependency))
                          .as(name + " waits for " + dependency + " to be healthy")
                          .containsKey("healthcheck");
                  case "service_completed_successfully" ->
                      assertThat(string(service(dependency).getOrDefault("restart", "no")))
                          .as(name + " waits for one-shot job " + dependency + ", which must not restart once done")
                          .matches("no|on-failure(:\\d+)?");
                  case "service_started" -> {}
                  default -> fail(name + ": unknown condition " + condition);
                }
              });
    }
  }

  @Test
  void everyFileMountedFromTheRepositoryExists() {
    for (String name : services.keySet()) {
      for (Object volume : list(service(name).get("volumes"))) {
        String source = string(volume).split(":")[0];
        if (source.startsWith("./")) {
          assertThat(root.resolve(source)).as(name + " mounts " + source).exists();
        }
      }
    }
    assertThat(root.resolve("deploy/temporal/dynamicconfig/docker.yaml")).isRegularFile();
    assertThat(environment("temporal").get("DYNAMIC_CONFIG_FILE_PATH"))
        .isEqualTo("/etc/temporal/config/dynamicconfig/docker.yaml");
  }

  // --- doors: what the stack exposes, and to whom -------------------------------------------

  @Test
  void onlyTheServicesHttpPortIsPublishedBeyondLoopback() {
    for (String name : services.keySet()) {
      for (Published published : publishedPorts(name)) {
        if (name.equals("payment-saga") && published.container() == 8080) {
          continue;
        }
        assertThat(published.hostIp()).as(name + " publishes " + published).isEqualTo(LOOPBACK);
      }
    }
    assertThat(publishedPorts("temporal")).containsExactly(new Published(LOOPBACK, 7233, 7233));
    assertThat(publishedPorts("kafka-ui")).containsExactly(new Published(LOOPBACK, 8089, 8080));
  }

  /**
   * No credential has a working default, yet the file parses without them (`docker compose
   * config`): each is interpolated with an empty default, and the one-shot `credentials-check`
   * job, which every service using one waits for, refuses to let the stack start while any is empty.
   */
  @Test
  void noCredentialHasADefault() throws IOException {
    String compose = Files.readString(root.resolve("docker-compose.yml"));
    for (String credential : CREDENTIALS) {
      Matcher uses = Pattern.compile("\\$\\{" + credential + "([^}]*)}").matcher(compose);
      int count = 0;
      while (uses.find()) {
        count++;
        assertThat(uses.group(1)).as("${" + credential + uses.group(1) + "} must default to empty").isEqualTo(":-");
      }
      assertThat(count).as(credential + " used").isPositive();
    }
    Map<String, String> checked = environment("credentials-check");
    String check = string(list(service("credentials-check").get("command")).get(0));
    for (String credential : CREDENTIALS) {
      assertThat(checked).as("credentials-check sees").containsEntry(credential, "<" + credential + ">");
      assertThat(check).as("credentials-check tests").contains(credential);
    }
    assertThat(check).contains("-z").contains("exit $$missing");
    assertThat(string(service("credentials-check").get("restart"))).isEqualTo("no");
    for (String name : services.keySet()) {
      boolean usesCredential = environment(name).values().stream()
          .anyMatch(value -> value != null && CREDENTIALS.stream().anyMatch(c -> value.contains("<" + c + ">")));
      if (usesCredential && !name.equals("credentials-check")) {
        assertThat(waitsForCredentialsCheck(name, new HashSet<>()))
            .as(name + " uses a credential, so it must wait (directly or through its dependencies) for credentials-check")
            .isTrue();
      }
    }
    for (String instance : SAGA_INSTANCES) {
      assertThat(environment(instance))
          .as(instance)
          .containsEntry("MYSQL_PASSWORD", "<TICKETING_DB_PASSWORD>")
          .containsEntry("OPERATOR_TOKEN", "<OPERATOR_TOKEN>")
          .containsEntry("VIEWER_TOKEN", "<VIEWER_TOKEN>")
          .containsEntry("TICKETING_DEMO_DATA", "false");
    }
    assertThat(environment("prometheus")).containsEntry("VIEWER_TOKEN", "<VIEWER_TOKEN>");
    assertThat(environment("grafana")).containsEntry("GF_SECURITY_ADMIN_PASSWORD", "<GRAFANA_ADMIN_PASSWORD>");
  }

  // --- monitoring: Prometheus and Grafana ---------------------------------------------------

  @Test
  void prometheusAndGrafanaArePinnedHealthCheckedAndPublishedOnLoopbackOnly() {
    assertThat(publishedPorts("prometheus")).containsExactly(new Published(LOOPBACK, 9090, 9090));
    assertThat(publishedPorts("grafana")).containsExactly(new Published(LOOPBACK, 3000, 3000));
    for (String name : List.of("prometheus", "grafana")) {
      assertThat(string(service(name).get("image"))).as(name + " image").matches("[a-z/]+:v?\\d+\\.\\d+\\.\\d+");
      assertThat(string(service(name).get("restart"))).as(name).isEqualTo("unless-stopped");
      assertThat(string(service(name).get("mem_limit"))).as(name).isNotBlank();
      assertThat(healthcheck(name)).as(name).contains("http://localhost:");
    }
    assertThat(healthcheck("prometheus")).contains("localhost:9090/-/ready");
    assertThat(healthcheck("grafana")).contains("localhost:3000/api/health");
    assertThat(dependencies("grafana")).containsEntry("prometheus", "service_healthy");
  }

  @Test
  void prometheusScrapesWithTheViewerTokenKeptInMemoryAndLoadsTheAlertRules() throws IOException {
    String script = mountedScript("prometheus", "deploy/prometheus/start.sh");
    List<String> mounts = list(service("prometheus").get("volumes")).stream().map(DockerComposeFileTest::string).toList();

    assertThat(script).contains("printf '%s' \"$VIEWER_TOKEN\" > /run/scrape/viewer-token");
    assertThat(list(service("prometheus").get("tmpfs")).stream().map(DockerComposeFileTest::string)).contains("/run/scrape");
    assertThat(mounts)
        .contains(
            "./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
            "./deploy/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
    assertThat(environment("prometheus").get("VIEWER_TOKEN")).isEqualTo(environment("payment-saga").get("VIEWER_TOKEN"));
  }

  @Test
  void grafanaAsksForItsAdminPasswordAndProvisionsTheDashboardFromTheRepository() throws IOException {
    Map<String, String> grafana = environment("grafana");
    List<String> mounts = list(service("grafana").get("volumes")).stream().map(DockerComposeFileTest::string).toList();
    String provider = Files.readString(root.resolve("deploy/grafana/provisioning/dashboards/payment-saga.yml"));

    assertThat(grafana)
        .containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "false")
        .containsEntry("GF_USERS_ALLOW_SIGN_UP", "false")
        .containsEntry("GF_SECURITY_ADMIN_USER", "admin");
    assertThat(mounts)
        .contains(
            "./deploy/grafana/provisioning/datasources:/etc/grafana/provisioning/datasources:ro",
            "./deploy/grafana/provisioning/dashboards:/etc/grafana/provisioning/dashboards:ro",
            "./deploy/grafana/dashboards:/etc/grafana/dashboards:ro");
    assertThat(provider).contains("path: /etc/grafana/dashboards");
    assertThat(grafana.get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"))
        .isEqualTo("/etc/grafana/dashboards/payment-saga.json");
    assertThat(root.resolve("deploy/grafana/dashboards/payment-saga.json")).isRegularFile();
  }

  @Test
  void oneShotJobsRetryATransientFailureAFewTimes() {
    for (String job : ONE_SHOT_JOBS) {
      assertThat(string(service(job).get("restart"))).as(job).isEqualTo("on-failure:5");
    }
  }

  @Test
  void serviceJvmsHaveAMemoryLimit() {
    for (String name : List.of("payment-saga", "payment-saga-worker", "kafka-1", "kafka-2", "kafka-3", "kafka-ui")) {
      assertThat(string(service(name).get("mem_limit"))).as(name).isNotBlank();
    }
    for (String broker : BROKERS) {
      assertThat(environment(broker).get("KAFKA_HEAP_OPTS")).as(broker).contains("-Xmx512m");
    }
  }

  @Test
  void temporalUiSendsItsCsrfCookieOverPlainHttp() {
    assertThat(environment("temporal-ui")).containsEntry("TEMPORAL_CSRF_COOKIE_INSECURE", "true");
  }

  @Test
  void registerStopsOnASearchAttributeOfAnotherType() throws IOException {
    String script = mountedScript("temporal-register", "deploy/temporal/register.sh");
    String differentType = script.substring(script.indexOf("*\"different type\"*)"));

    assertThat(script.indexOf("*\"different type\"*)")).isLessThan(script.lastIndexOf("*\"lready exists\"*)"));
    assertThat(differentType.substring(0, differentType.indexOf(";;"))).contains("exit 2");
  }

  @Test
  void scriptsAndTheWrapperKeepUnixLineEndings() throws IOException {
    assertThat(Files.readAllLines(root.resolve(".gitattributes")))
        .contains("/mvnw text eol=lf", "*.sh text eol=lf", "*.cmd text eol=crlf");
  }

  // --- helpers ----------------------------------------------------------------------------

  private static final String LOOPBACK = "127.0.0.1";

  /** A published port: the host address it binds ("" = every interface), host and container port. */
  private record Published(String hostIp, int host, int container) {}

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no docker-compose.yml in " + Path.of("").toAbsolutePath() + " or any parent");
  }

  /** The names of every `${NAME}` / `${NAME:default}` in application-external.yml. */
  private static Set<String> externalProfilePlaceholders() throws IOException {
    String profile =
        Files.readString(root.resolve("api/src/main/resources/application-external.yml"));
    Set<String> placeholders = new TreeSet<>();
    Matcher matcher = SPRING_PLACEHOLDER.matcher(profile);
    while (matcher.find()) {
      placeholders.add(matcher.group(1).trim());
    }
    return placeholders;
  }

  /** The saga's search attributes as the workflow code declares them, in the CLI's spelling. */
  private static Map<String, String> expectedSearchAttributes() {
    Map<String, String> declared = new TreeMap<>();
    SagaSearchAttributes.definitions().forEach((name, type) -> declared.put(name, TemporalDevServer.cliTypeName(type)));
    return declared;
  }

  private static Map<String, String> registeredSearchAttributes() {
    Map<String, String> registered = new TreeMap<>();
    for (String entry : environment("temporal-register").get("SEARCH_ATTRIBUTES").trim().split("\\s+")) {
      String[] nameAndType = entry.split("=", 2);
      assertThat(nameAndType).as("Name=Type: " + entry).hasSize(2);
      assertThat(registered.put(nameAndType[0], nameAndType[1])).as("twice: " + entry).isNull();
    }
    return registered;
  }

  /** The script a one-shot job runs, after checking that the job mounts and runs that file. */
  private static String mountedScript(String job, String repositoryPath) throws IOException {
    String mount =
        list(service(job).get("volumes")).stream()
            .map(DockerComposeFileTest::string)
            .filter(volume -> volume.startsWith("./" + repositoryPath + ":"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(job + " does not mount " + repositoryPath));
    String target = mount.split(":")[1];
    assertThat(list(service(job).get("entrypoint")).stream().map(DockerComposeFileTest::string))
        .as(job + " runs " + target)
        .contains(target);
    return Files.readString(root.resolve(repositoryPath));
  }

  private static Map<String, Object> service(String name) {
    assertThat(services).as("services").containsKey(name);
    return map(services.get(name));
  }

  /** A service's environment (map or list form) with compose's `${VAR:-default}` resolved. */
  private static Map<String, String> environment(String name) {
    Object raw = service(name).get("environment");
    Map<String, String> environment = new LinkedHashMap<>();
    if (raw instanceof Map<?, ?> entries) {
      entries.forEach((key, value) -> environment.put(string(key), interpolate(string(value))));
    } else {
      for (Object entry : list(raw)) {
        String[] keyAndValue = string(entry).split("=", 2);
        environment.put(keyAndValue[0], keyAndValue.length > 1 ? interpolate(keyAndValue[1]) : null);
      }
    }
    return environment;
  }

  private static String interpolate(String value) {
    if (value == null) {
      return null;
    }
    Matcher matcher = COMPOSE_VARIABLE.matcher(value);
    StringBuilder resolved = new StringBuilder();
    while (matcher.find()) {
      String operator = matcher.group(2) == null ? "" : matcher.group(2);
      boolean secret = operator.endsWith("?") || CREDENTIALS.contains(matcher.group(1));
      String replacement =
          secret ? "<" + matcher.group(1) + ">" : matcher.group(3) == null ? "" : matcher.group(3);
      matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(resolved);
    return resolved.toString().replace("$$", "$");
  }

  private static boolean waitsForCredentialsCheck(String name, Set<String> seen) {
    if (!seen.add(name)) {
      return false;
    }
    for (Map.Entry<String, String> dependency : dependencies(name).entrySet()) {
      if (dependency.getKey().equals("credentials-check")) {
        return dependency.getValue().equals("service_completed_successfully");
      }
      if (!dependency.getValue().equals("service_started") && waitsForCredentialsCheck(dependency.getKey(), seen)) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, String> dependencies(String name) {
    Object raw = service(name).get("depends_on");
    Map<String, String> conditions = new TreeMap<>();
    if (raw instanceof Map<?, ?> entries) {
      entries.forEach(
          (dependency, options) ->
              conditions.put(
                  string(dependency), string(map(options).getOrDefault("condition", "service_started"))));
    } else {
      list(raw).forEach(dependency -> conditions.put(string(dependency), "service_started"));
    }
    return conditions;
  }

  private static String healthcheck(String name) {
    Map<String, Object> healthcheck = map(service(name).get("healthcheck"));
    Object test = healthcheck.get("test");
    return test instanceof List<?> parts
        ? parts.stream().skip(1).map(DockerComposeFileTest::string).collect(Collectors.joining(" "))
        : string(test);
  }

  /** Short syntax ("8088:8080", "127.0.0.1:8088:8080/tcp") and long syntax (published/target). */
  private static List<Published> publishedPorts(String name) {
    List<Published> published = new ArrayList<>();
    for (Object port : list(service(name).get("ports"))) {
      if (port instanceof Map<?, ?> longSyntax) {
        published.add(
            new Published(
                longSyntax.get("host_ip") == null ? "" : string(longSyntax.get("host_ip")),
                Integer.parseInt(string(longSyntax.get("published"))),
                Integer.parseInt(string(longSyntax.get("target")))));
      } else {
        String[] parts = string(port).replaceFirst("/(tcp|udp)$", "").split(":");
        if (parts.length >= 2) {
          published.add(
              new Published(
                  parts.length == 3 ? parts[0] : "",
                  Integer.parseInt(parts[parts.length - 2]),
                  Integer.parseInt(parts[parts.length - 1])));
        }
      }
    }
    return published;
  }

  /** "INTERNAL://kafka-1:9092,EXTERNAL://localhost:9092" -> {INTERNAL=kafka-1:9092, ...}. */
  private static Map<String, String> listeners(String listeners) {
    Map<String, String> byName = new TreeMap<>();
    for (String listener : listeners.split(",")) {
      String[] nameAndAddress = listener.trim().split("://", 2);
      byName.put(nameAndAddress[0], nameAndAddress[1]);
    }
    return byName;
  }

  private static String listenerAddress(String listeners, String name) {
    String address = listeners(listeners).get(name);
    assertThat(address).as("listener " + name + " in " + listeners).isNotNull();
    return address;
  }

  private static int port(String address) {
    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  private static List<?> list(Object value) {
    if (value == null) {
      return List.of();
    }
    return value instanceof List<?> list ? list : List.of(value);
  }

  private static String string(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}

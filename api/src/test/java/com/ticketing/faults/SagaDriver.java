package com.ticketing.faults;

import com.ticketing.it.ApiClient;
import com.ticketing.it.ApiClient.Response;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Buyers over REST: each saga holds a seat of its own for a user of its own, pays for it and polls
 * until the payment is final, with C buyers at once. Calls are spread over the given instances;
 * a call that fails in transit or with a 5xx is sent again (to the next instance), because a
 * hold is re-tried on a fresh seat and a payment start with the same paymentTxId is idempotent.
 * Optionally a share of the sagas is started twice: a second {@code POST /api/payments} and/or
 * the same command as a record on {@code payment.try}.
 *
 * <p>Users and seats are handed out from counters across runs, so the runs of one scenario never
 * share a user or a seat; the service's demo data must have that many.
 */
public final class SagaDriver implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
  private static final Duration CALL_RETRY_INTERVAL = Duration.ofMillis(300);
  /** How long an instance that refused a connection is skipped before it is tried again. */
  private static final Duration DOWN_FOR = Duration.ofSeconds(3);

  /** What a scenario does to a saga right after its payment was accepted (e.g. let its hold lapse). */
  public interface AfterPay {
    AfterPay NOTHING = (index, reservationId) -> {};

    void accepted(int index, long reservationId);
  }

  /** What one run does. */
  public record Plan(
      String name,
      int sagas,
      int concurrency,
      double restDuplicateShare,
      double kafkaDuplicateShare,
      Duration sagaDeadline,
      AfterPay afterPay) {

    public static Plan of(String name, int sagas, int concurrency) {
      return new Plan(name, sagas, concurrency, 0, 0, Duration.ofMinutes(3), AfterPay.NOTHING);
    }

    public Plan withDuplicates(double restShare, double kafkaShare) {
      return new Plan(name, sagas, concurrency, restShare, kafkaShare, sagaDeadline, afterPay);
    }

    public Plan withSagaDeadline(Duration deadline) {
      return new Plan(name, sagas, concurrency, restDuplicateShare, kafkaDuplicateShare, deadline, afterPay);
    }

    public Plan withAfterPay(AfterPay hook) {
      return new Plan(name, sagas, concurrency, restDuplicateShare, kafkaDuplicateShare, sagaDeadline, hook);
    }
  }

  private final List<Endpoint> endpoints;
  private final String bootstrapServers;
  private final long lastUser;
  private final long lastSeat;
  private final AtomicLong nextUser = new AtomicLong(1);
  private final AtomicLong nextSeat = new AtomicLong(1);
  private final AtomicInteger callRotation = new AtomicInteger();
  private KafkaProducer<String, String> producer;

  /**
   * @param instances REST endpoints to spread the calls over
   * @param bootstrapServers where to send duplicate commands on payment.try (null: none)
   * @param users demo users 1..users may be used
   * @param seats demo seats 1..seats may be used
   */
  public SagaDriver(List<ApiClient> instances, String bootstrapServers, long users, long seats) {
    this.endpoints = instances.stream().map(Endpoint::new).toList();
    this.bootstrapServers = bootstrapServers;
    this.lastUser = users;
    this.lastSeat = seats;
  }

  /** Runs the plan to its end and returns every saga's outcome. */
  public DriveResult run(Plan plan) {
    Run run = start(plan);
    return run.await();
  }

  /** Starts the plan in the background; the caller injects faults and then awaits the run. */
  public Run start(Plan plan) {
    if (nextUser.get() + plan.sagas() - 1 > lastUser) {
      throw new IllegalStateException(
          "plan " + plan.name() + " needs " + plan.sagas() + " users from " + nextUser.get() + ", demo data has " + lastUser);
    }
    if (plan.kafkaDuplicateShare() > 0 && producer == null) {
      producer = newProducer();
    }
    return new Run(plan);
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
  }

  /** One run in progress. */
  public final class Run {
    private final Plan plan;
    private final long startedAt = System.nanoTime();
    private final ExecutorService buyers;
    private final List<Future<SagaOutcome>> sagas = new ArrayList<>();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger restDuplicates = new AtomicInteger();
    private final AtomicInteger kafkaDuplicates = new AtomicInteger();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private Run(Plan plan) {
      this.plan = plan;
      AtomicInteger threads = new AtomicInteger();
      buyers =
          Executors.newFixedThreadPool(
              plan.concurrency(),
              task -> {
                Thread thread = new Thread(task, "buyer-" + plan.name() + "-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
      for (int index = 0; index < plan.sagas(); index++) {
        int saga = index;
        long userId = nextUser.getAndIncrement();
        sagas.add(buyers.submit(() -> buy(saga, userId)));
      }
      buyers.shutdown();
    }

    /** How many sagas of this run have reached a final status (or given up). */
    public int finished() {
      return finished.get();
    }

    public boolean isDone() {
      return buyers.isTerminated();
    }

    /** Waits until at least {@code count} sagas are final, e.g. to inject a fault mid-run. */
    public void awaitFinished(int count, Duration deadline) {
      if (!Deadlines.poll(deadline, Duration.ofMillis(100), () -> finished() >= count || isDone())) {
        throw new AssertionError(
            "run " + plan.name() + ": only " + finished() + " of " + count + " sagas final within " + deadline);
      }
    }

    /** Waits for every buyer (each is bounded by the plan's saga deadline) and returns the outcomes. */
    public DriveResult await() {
      try {
        if (!buyers.awaitTermination(plan.sagaDeadline().toSeconds() * 2 + 120, TimeUnit.SECONDS)) {
          buyers.shutdownNow();
          throw new AssertionError("run " + plan.name() + ": buyers did not end");
        }
        List<SagaOutcome> outcomes = new ArrayList<>();
        for (Future<SagaOutcome> saga : sagas) {
          outcomes.add(saga.get());
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - startedAt);
        return new DriveResult(plan.name(), outcomes, wall, restDuplicates.get(), kafkaDuplicates.get(), List.copyOf(problems));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("a buyer of run " + plan.name() + " failed: " + e.getCause(), e.getCause());
      }
    }

    private SagaOutcome buy(int index, long userId) {
      long end = System.nanoTime() + plan.sagaDeadline().toNanos();
      String paymentTxId = plan.name() + "-" + index;
      try {
        JsonNode held = hold(userId, end);
        if (held == null) {
          return SagaOutcome.gaveUp(paymentTxId, userId, "no hold within " + plan.sagaDeadline());
        }
        long reservationId = held.path("reservationId").asLong();
        long seatId = held.path("seatId").asLong();
        Map<String, Object> command = Map.of("userId", userId, "reservationId", reservationId, "paymentTxId", paymentTxId);
        long payAt = System.nanoTime();
        if (!startPayment(command, end, paymentTxId)) {
          return SagaOutcome.gaveUp(paymentTxId, userId, "payment not accepted within " + plan.sagaDeadline());
        }
        Instant acceptedAt = Instant.now();
        plan.afterPay().accepted(index, reservationId);
        if (isChosen(index, plan.restDuplicateShare()) && startPayment(command, end, paymentTxId)) {
          restDuplicates.incrementAndGet();
        }
        if (isChosen(index, plan.kafkaDuplicateShare())) {
          sendCommandOnKafka(userId + "-" + seatId, command);
        }
        return poll(paymentTxId, userId, seatId, payAt, acceptedAt, end);
      } finally {
        finished.incrementAndGet();
      }
    }

    /** Holds a seat; after a call whose fate is unknown, a 409 may be our own hold, so a fresh seat is taken. */
    private JsonNode hold(long userId, long end) {
      long seatId = takeSeat();
      boolean unknownFate = false;
      while (System.nanoTime() < end) {
        long seat = seatId;
        Response held = call(api -> api.hold(userId, seat));
        if (held != null && held.status() == 201) {
          return held.body();
        }
        if (held != null && held.status() == 409 && unknownFate) {
          seatId = takeSeat();
          unknownFate = false;
          continue;
        }
        if (held != null && held.status() < 500) {
          problems.add("hold of seat " + seat + " for user " + userId + " answered " + held);
          return null;
        }
        unknownFate = true;
        Deadlines.pause(CALL_RETRY_INTERVAL);
      }
      return null;
    }

    private boolean startPayment(Map<String, Object> command, long end, String paymentTxId) {
      while (System.nanoTime() < end) {
        Response paid = call(api -> api.post("/api/payments", command));
        if (paid != null && paid.status() == 202) {
          return true;
        }
        if (paid != null && paid.status() < 500) {
          problems.add("payment " + paymentTxId + " answered " + paid);
          return false;
        }
        Deadlines.pause(CALL_RETRY_INTERVAL);
      }
      return false;
    }

    private SagaOutcome poll(String paymentTxId, long userId, long seatId, long payAt, Instant acceptedAt, long end) {
      Set<String> seen = new LinkedHashSet<>();
      JsonNode last = null;
      while (System.nanoTime() < end) {
        Response view = call(api -> api.payment(paymentTxId));
        if (view != null && view.status() == 200) {
          last = view.body();
          seen.add(last.path("status").asString());
          if (last.path("final").asBoolean()) {
            return SagaOutcome.of(last, userId, seatId, Duration.ofNanos(System.nanoTime() - payAt), seen, acceptedAt);
          }
        }
        Deadlines.pause(POLL_INTERVAL);
      }
      return SagaOutcome.unfinished(paymentTxId, userId, seatId, last, seen, acceptedAt, plan.sagaDeadline());
    }

    private void sendCommandOnKafka(String key, Map<String, Object> command) {
      try {
        producer.send(
            new ProducerRecord<>("payment.try", key, JSON.writeValueAsString(command)),
            (metadata, failure) -> {
              if (failure == null) {
                kafkaDuplicates.incrementAndGet();
              }
            });
      } catch (RuntimeException brokerUnreachable) {
        // Only a duplicate: the saga is already started over REST.
      }
    }
  }

  /** The n-th of every 1/share sagas, spread evenly over the run. */
  private static boolean isChosen(int index, double share) {
    return share > 0 && Math.floor((index + 1) * share) > Math.floor(index * share);
  }

  private long takeSeat() {
    long seat = nextSeat.getAndIncrement();
    if (seat > lastSeat) {
      throw new IllegalStateException("out of demo seats: the driver may use 1.." + lastSeat);
    }
    return seat;
  }

  /**
   * One call on the next instance that is not known to be down; null when it failed in transit
   * (connection refused, reset, timed out).
   */
  private Response call(Function<ApiClient, Response> request) {
    Endpoint endpoint = nextEndpoint();
    try {
      return request.apply(endpoint.api);
    } catch (UncheckedIOException transit) {
      endpoint.downUntil = System.nanoTime() + DOWN_FOR.toNanos();
      return null;
    }
  }

  private Endpoint nextEndpoint() {
    int first = Math.floorMod(callRotation.getAndIncrement(), endpoints.size());
    for (int i = 0; i < endpoints.size(); i++) {
      Endpoint candidate = endpoints.get((first + i) % endpoints.size());
      if (candidate.downUntil < System.nanoTime()) {
        return candidate;
      }
    }
    return endpoints.get(first);
  }

  private KafkaProducer<String, String> newProducer() {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60000);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return new KafkaProducer<>(config);
  }

  private static final class Endpoint {
    final ApiClient api;
    volatile long downUntil = Long.MIN_VALUE;

    Endpoint(ApiClient api) {
      this.api = api;
    }
  }

  /**
   * One saga as the buyer last saw it. {@code status} is SUCCESS, FAILURE or CANCEL when final;
   * {@code problem} says why not otherwise. {@code duration} runs from the payment's start to the
   * poll that saw it final; {@code statusesSeen} are the statuses the polls saw on the way;
   * {@code acceptedAt} and {@code finalAt} are when its start was accepted and when a poll first
   * saw it final (null when that never happened).
   */
  public record SagaOutcome(
      String paymentTxId,
      long userId,
      long seatId,
      long reservationId,
      String status,
      boolean isFinal,
      int retryCount,
      long amount,
      Duration duration,
      Set<String> statusesSeen,
      Instant acceptedAt,
      Instant finalAt,
      String problem) {

    static SagaOutcome of(
        JsonNode view, long userId, long seatId, Duration duration, Set<String> seen, Instant acceptedAt) {
      return new SagaOutcome(
          view.path("paymentTxId").asString(),
          userId,
          seatId,
          view.path("reservationId").asLong(),
          view.path("status").asString(),
          true,
          view.path("retryCount").asInt(),
          view.path("amount").asLong(),
          duration,
          Collections.unmodifiableSet(seen),
          acceptedAt,
          Instant.now(),
          null);
    }

    static SagaOutcome unfinished(
        String paymentTxId,
        long userId,
        long seatId,
        JsonNode last,
        Set<String> seen,
        Instant acceptedAt,
        Duration deadline) {
      return new SagaOutcome(
          paymentTxId,
          userId,
          seatId,
          last == null ? 0 : last.path("reservationId").asLong(),
          last == null ? "UNKNOWN" : last.path("status").asString(),
          false,
          last == null ? 0 : last.path("retryCount").asInt(),
          last == null ? 0 : last.path("amount").asLong(),
          null,
          Collections.unmodifiableSet(seen),
          acceptedAt,
          null,
          "not final within " + deadline + "; last view " + last);
    }

    static SagaOutcome gaveUp(String paymentTxId, long userId, String why) {
      return new SagaOutcome(paymentTxId, userId, 0, 0, "NOT_STARTED", false, 0, 0, null, Set.of(), null, null, why);
    }
  }

  /** Every saga of a run, and the run's wall time. */
  public record DriveResult(
      String name,
      List<SagaOutcome> sagas,
      Duration wallTime,
      int restDuplicates,
      int kafkaDuplicates,
      List<String> problems) {

    public List<SagaOutcome> unfinished() {
      return sagas.stream().filter(s -> !s.isFinal()).toList();
    }

    /** Final sagas by status; those that are not final count as "unfinished". */
    public Map<String, Long> countByStatus() {
      return sagas.stream()
          .collect(
              Collectors.groupingBy(
                  s -> s.isFinal() ? s.status() : "unfinished", TreeMap::new, Collectors.counting()));
    }

    /** The final saga that took longest from its start to final. */
    public Duration slowest() {
      return percentile(100);
    }

    /** The duration (start to final) that this percentage of the final sagas stayed within. */
    public Duration percentile(int percent) {
      List<Duration> durations =
          sagas.stream().filter(SagaOutcome::isFinal).map(SagaOutcome::duration).sorted().toList();
      if (durations.isEmpty()) {
        return Duration.ZERO;
      }
      int rank = (int) Math.ceil(percent / 100.0 * durations.size());
      return durations.get(Math.max(0, rank - 1));
    }

    /** The sagas whose polls saw the given status on the way. */
    public List<SagaOutcome> thatPassedThrough(String status) {
      return sagas.stream().filter(s -> s.statusesSeen().contains(status)).toList();
    }

    public String summary() {
      return name + ": " + sagas.size() + " sagas " + countByStatus() + ", start to final p50 "
          + percentile(50).toMillis() + " ms, p90 " + percentile(90).toMillis() + " ms, slowest " + slowest().toMillis()
          + " ms, wall " + wallTime.toMillis() + " ms, duplicate starts " + restDuplicates + " REST + "
          + kafkaDuplicates + " Kafka" + (problems.isEmpty() ? "" : ", problems " + problems);
    }
  }

  /** How many demo users the runs so far have taken. */
  public long usersUsed() {
    return nextUser.get() - 1;
  }
}

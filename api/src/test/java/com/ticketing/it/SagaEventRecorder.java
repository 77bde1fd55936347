package com.ticketing.it;

import static org.awaitility.Awaitility.await;

import com.ticketing.events.SagaEventType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every message on the saga's seven topics, read from the beginning by one consumer per JVM, as
 * the rest of the ticketing system would read them. The consumer assigns itself all partitions
 * and belongs to no group, so it never takes messages away from the service's own listener.
 *
 * <p>Each saga event (header {@code ticketing-origin: payment-saga}; commands the tests send are
 * not the service's) is checked against the event contract as it is consumed; {@link
 * IntegrationTest} fails the test during which a violation was seen.
 */
public final class SagaEventRecorder {

  /** One consumed message; value is a missing node when it is not JSON; headers by name (the last of each). */
  public record Message(
      String topic, int partition, long offset, String key, JsonNode value, Map<String, String> headers) {

    public String eventId() {
      return value.path("eventId").asString(null);
    }

    public JsonNode data() {
      return value.path("data");
    }

    /** The saga's paymentTxId of an event envelope; null for anything else (e.g. a bare command). */
    public String paymentTxId() {
      return data().path("paymentTxId").asString(null);
    }

    public long sequence() {
      return value.path("sequence").asLong(-1);
    }

    public boolean isSagaEvent() {
      return "payment-saga".equals(headers.get("ticketing-origin"));
    }
  }

  public static final List<String> TOPICS =
      Arrays.stream(SagaEventType.values()).map(SagaEventType::topic).toList();

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static SagaEventRecorder running;

  private final Admin admin;
  private final KafkaConsumer<String, String> consumer;
  private final List<TopicPartition> partitions;
  private final List<Message> received = new CopyOnWriteArrayList<>();
  private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
  private final EventContracts contracts = EventContracts.ofThisRepository();
  private final List<String> contractViolations = new CopyOnWriteArrayList<>();

  private SagaEventRecorder(String bootstrapServers) {
    Properties adminConfig = new Properties();
    adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    admin = Admin.create(adminConfig);
    partitions = partitionsOfTheSagaTopics();

    Properties consumerConfig = new Properties();
    consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "saga-event-recorder");
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    consumer = new KafkaConsumer<>(consumerConfig);
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Starts recording on the first call; later test classes share the recorder. */
  public static synchronized SagaEventRecorder startOnce(String bootstrapServers) {
    if (running == null) {
      SagaEventRecorder recorder = new SagaEventRecorder(bootstrapServers);
      Thread poller = new Thread(recorder::pollUntilWokenUp, "saga-event-recorder");
      poller.setDaemon(true);
      poller.start();
      Runtime.getRuntime().addShutdownHook(new Thread(recorder.consumer::wakeup, "saga-event-recorder-stop"));
      running = recorder;
    }
    return running;
  }

  /** The saga events of one payment, in the order they were consumed. */
  public List<Message> of(String paymentTxId) {
    return received.stream().filter(m -> paymentTxId.equals(m.paymentTxId())).toList();
  }

  /** The saga events about one reservation, whatever their paymentTxId. */
  public List<Message> ofReservation(long reservationId) {
    return received.stream()
        .filter(m -> m.data().path("reservationId").asLong(-1) == reservationId)
        .toList();
  }

  /** Every message consumed so far, saga events and commands alike. */
  public List<Message> all() {
    return List.copyOf(received);
  }

  /**
   * Waits until each of the topics carried an event of the payment, then until everything
   * published by then is consumed, and returns the payment's events: a duplicate or an unexpected
   * event published before the last awaited one is therefore in the list.
   */
  public List<Message> awaitEvents(String paymentTxId, String... topics) {
    await("events " + Arrays.toString(topics) + " of " + paymentTxId)
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> of(paymentTxId).stream().map(Message::topic).collect(Collectors.toSet()),
            seen -> seen.containsAll(List.of(topics)));
    awaitCaughtUp();
    return of(paymentTxId);
  }

  /** Waits until every message published before this call has been consumed. */
  public void awaitCaughtUp() {
    Map<TopicPartition, Long> ends = endOffsets();
    await("the recorder to reach " + ends)
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                ends.entrySet().stream()
                    .allMatch(end -> positions.getOrDefault(end.getKey(), -1L) >= end.getValue()));
  }

  private void pollUntilWokenUp() {
    try (consumer) {
      while (true) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
          Message message =
              new Message(
                  record.topic(), record.partition(), record.offset(), record.key(), parse(record.value()), headersOf(record));
          checkContract(message);
          received.add(message);
        }
        for (TopicPartition partition : partitions) {
          positions.put(partition, consumer.position(partition));
        }
      }
    } catch (WakeupException stopping) {
      // the JVM is exiting
    }
  }

  /** The contract violations seen since the last call, and forgets them. */
  public synchronized List<String> takeContractViolations() {
    List<String> seen = List.copyOf(contractViolations);
    contractViolations.removeAll(seen);
    return seen;
  }

  private void checkContract(Message message) {
    if (!message.isSagaEvent()) {
      return;
    }
    try {
      List<String> problems = contracts.violations(message.topic(), message.headers(), message.value());
      if (!problems.isEmpty()) {
        contractViolations.add(message.topic() + " " + message.eventId() + ": " + problems);
      }
    } catch (RuntimeException checkFailed) {
      // The recorder must keep consuming whatever the check does.
      contractViolations.add(message.topic() + " " + message.eventId() + ": cannot check: " + checkFailed);
    }
  }

  private static Map<String, String> headersOf(ConsumerRecord<String, String> record) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
    }
    return headers;
  }

  private List<TopicPartition> partitionsOfTheSagaTopics() {
    // The service creates the topics at start-up; the recorder is first used after that.
    Map<String, TopicDescription> topics = get(admin.describeTopics(TOPICS).allTopicNames());
    return topics.values().stream()
        .flatMap(
            topic ->
                topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
        .toList();
  }

  private Map<TopicPartition, Long> endOffsets() {
    Map<TopicPartition, OffsetSpec> latest =
        partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
    return get(admin.listOffsets(latest).all()).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  private static JsonNode parse(String value) {
    try {
      return value == null ? JSON.missingNode() : JSON.readTree(value);
    } catch (RuntimeException notJson) {
      return JSON.missingNode();
    }
  }

  private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
    try {
      return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka admin call failed: " + e.getMessage(), e);
    }
  }
}

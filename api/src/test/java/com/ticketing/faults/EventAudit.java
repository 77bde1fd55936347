package com.ticketing.faults;

import com.ticketing.faults.SagaDriver.SagaOutcome;
import com.ticketing.it.SagaEventRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the saga's seven topics from the beginning, as a downstream consumer would (no group,
 * duplicates dropped by eventId), and checks that each final saga's events match its outcome.
 */
public final class EventAudit {

  private static final JsonMapper JSON = JsonMapper.shared();

  /** One saga event as consumed: its topic, eventId and the paymentTxId it belongs to. */
  private record Event(String topic, String eventId, String paymentTxId) {}

  /** What the audit found: events looked at, duplicates dropped, and every mismatch. */
  public record Report(int eventsChecked, int duplicatesDropped, List<String> problems) {}

  private final Map<String, List<Event>> eventsBySaga;
  private final int duplicates;

  private EventAudit(Map<String, List<Event>> eventsBySaga, int duplicates) {
    this.eventsBySaga = eventsBySaga;
    this.duplicates = duplicates;
  }

  /** Consumes every message published up to now on the seven topics. */
  public static EventAudit readAll(String bootstrapServers, Duration deadline) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "fault-event-audit");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    Map<String, List<Event>> bySaga = new HashMap<>();
    Set<String> eventIds = new HashSet<>();
    int duplicates = 0;
    long end = System.nanoTime() + deadline.toNanos();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : SagaEventRecorder.TOPICS) {
        consumer.partitionsFor(topic, deadline).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, deadline);
      while (!caughtUp(consumer, ends)) {
        if (System.nanoTime() > end) {
          throw new AssertionError("the event audit did not read up to " + ends + " within " + deadline);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          Event event = parse(record);
          if (event == null) {
            continue; // a bare command on payment.try, not an event
          }
          if (!eventIds.add(event.eventId())) {
            duplicates++;
            continue;
          }
          bySaga.computeIfAbsent(event.paymentTxId(), id -> new ArrayList<>()).add(event);
        }
      }
    }
    return new EventAudit(bySaga, duplicates);
  }

  /** Checks each final saga's events against its outcome; sagas that are not final are skipped. */
  public Report check(Collection<SagaOutcome> sagas) {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (SagaOutcome saga : sagas) {
      if (!saga.isFinal()) {
        continue;
      }
      List<Event> events = eventsBySaga.getOrDefault(saga.paymentTxId(), List.of());
      checked += events.size();
      problems.addAll(problemsOf(saga, events));
    }
    return new Report(checked, duplicates, problems);
  }

  private static List<String> problemsOf(SagaOutcome saga, List<Event> events) {
    String id = saga.paymentTxId();
    Map<String, Long> byTopic = events.stream().collect(Collectors.groupingBy(Event::topic, LinkedHashMap::new, Collectors.counting()));
    List<String> problems = new ArrayList<>();
    List<String> required;
    List<String> forbidden;
    switch (saga.status()) {
      case "SUCCESS" -> {
        required = List.of("payment.try", "payment.success", "reservation.success");
        forbidden = List.of("payment.failure", "payment.cancel");
      }
      case "FAILURE" -> {
        required = List.of("payment.try", "payment.failure");
        forbidden = List.of("payment.cancel", "reservation.success");
      }
      case "CANCEL" -> {
        required = List.of("payment.try", "payment.cancel");
        forbidden = List.of("reservation.success", "payment.failure");
      }
      default -> {
        return List.of(id + " is final with an unexpected status " + saga.status());
      }
    }
    for (String topic : required) {
      if (!byTopic.containsKey(topic)) {
        problems.add(id + " (" + saga.status() + ") has no " + topic + " event; events: " + byTopic);
      }
    }
    for (String topic : forbidden) {
      if (byTopic.containsKey(topic)) {
        problems.add(id + " (" + saga.status() + ") has a " + topic + " event; events: " + byTopic);
      }
    }
    Set<String> retries = new TreeSet<>();
    for (Event event : events) {
      if (event.topic().equals("payment.retry")) {
        retries.add(event.eventId());
      } else if (!event.eventId().equals(id + ":" + event.topic())) {
        problems.add(id + " has an event on " + event.topic() + " with eventId " + event.eventId());
      }
    }
    Set<String> expectedRetries = new TreeSet<>();
    for (int n = 1; n <= saga.retryCount(); n++) {
      expectedRetries.add(id + ":payment.retry:" + n);
    }
    if (!retries.equals(expectedRetries)) {
      problems.add(id + " retried " + saga.retryCount() + " times but its payment.retry events are " + retries);
    }
    return problems;
  }

  private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  /** The event in a record; null for anything that is not an event envelope. */
  private static Event parse(ConsumerRecord<String, String> record) {
    try {
      JsonNode value = JSON.readTree(record.value());
      String eventId = value.path("eventId").asString(null);
      String paymentTxId = value.path("data").path("paymentTxId").asString(null);
      if (eventId == null || paymentTxId == null) {
        return null;
      }
      return new Event(record.topic(), eventId, paymentTxId);
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}

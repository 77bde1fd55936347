package com.ticketing.events;

import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The inbound bridge as another system sees it: it sends to {@code payment.try}, reads
 * {@code payment.try.DLT} and watches how far the service's listener group has committed.
 */
final class InboundKafka {

  static final String COMMAND_TOPIC = "payment.try";
  static final String DEAD_LETTER_TOPIC = "payment.try.DLT";

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final String bootstrapServers;
  private final String listenerGroup;

  InboundKafka(String bootstrapServers, String listenerGroup) {
    this.bootstrapServers = bootstrapServers;
    this.listenerGroup = listenerGroup;
  }

  /** Sends one record to payment.try (value as given, headers as UTF-8) and waits for the ack. */
  RecordMetadata send(String key, String value, Map<String, String> headers) throws Exception {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    ProducerRecord<String, String> record = new ProducerRecord<>(COMMAND_TOPIC, key, value);
    headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      return producer.send(record).get(10, TimeUnit.SECONDS);
    }
  }

  /** Waits until the service's listener group has committed past the record. */
  void awaitListenerPast(String topic, int partition, long offset) {
    TopicPartition topicPartition = new TopicPartition(topic, partition);
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(config)) {
      await("listener group " + listenerGroup + " past " + topicPartition + "@" + offset)
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                    admin
                        .listConsumerGroupOffsets(listenerGroup)
                        .partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                OffsetAndMetadata position = committed.get(topicPartition);
                return position != null && position.offset() > offset;
              });
    }
  }

  void awaitListenerPast(RecordMetadata sent) {
    awaitListenerPast(sent.topic(), sent.partition(), sent.offset());
  }

  /** Waits for the first record with the key on the dead-letter topic. */
  ConsumerRecord<String, String> awaitDeadLetter(String key, Duration atMost) {
    return await("a record keyed " + key + " on " + DEAD_LETTER_TOPIC)
            .atMost(atMost)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> deadLetters(key), found -> !found.isEmpty())
        .get(0);
  }

  ConsumerRecord<String, String> awaitDeadLetter(String key) {
    return awaitDeadLetter(key, WAIT);
  }

  /** Every record with the key on the dead-letter topic, read from its beginning to its end now. */
  List<ConsumerRecord<String, String>> deadLetters(String key) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(DEAD_LETTER_TOPIC, WAIT).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      List<ConsumerRecord<String, String>> found = new ArrayList<>();
      if (partitions.isEmpty()) {
        return found;
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, WAIT);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + DEAD_LETTER_TOPIC + " to its end " + ends);
        }
        consumer.poll(Duration.ofMillis(100)).forEach(record -> {
          if (key.equals(record.key())) {
            found.add(record);
          }
        });
      }
      return found;
    }
  }

  /** The last value of the header as UTF-8 text; null when the record has no such header. */
  static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** A header holding a big-endian long, as the dead-letter recoverer writes offsets and timestamps. */
  static long longHeader(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    if (header == null) {
      throw new AssertionError("no header " + name + " on " + record);
    }
    return ByteBuffer.wrap(header.value()).getLong();
  }
}

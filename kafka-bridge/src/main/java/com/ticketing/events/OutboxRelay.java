package com.ticketing.events;

import com.ticketing.chaos.Chaos;
import com.ticketing.chaos.FaultyStep;
import com.ticketing.outbox.OutboxEntry;
import com.ticketing.outbox.OutboxSignal;
import com.ticketing.outbox.RelayLease;
import com.ticketing.outbox.SagaOutbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Sends the saga's events from the outbox to Kafka, in the order they were written, keyed
 * userId-seatId, with the {@link CloudEventHeaders} and the {@link SagaOrigin} header, acknowledged
 * by the brokers (acks=all) before they count as sent. One instance relays at a time (the holder of
 * the {@link RelayLease}); a round that fails is sent again, so an event can reach Kafka twice,
 * always with the same eventId and headers.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final Duration PURGE_EVERY = Duration.ofMinutes(1);
  private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

  private final SagaOutbox outbox;
  private final RelayLease lease;
  private final OutboxSignal signal;
  private final KafkaTemplate<String, String> kafka;
  private final OutboxRelayProperties properties;
  private final Chaos chaos;
  private final OutboxRelayMetrics metrics;
  private final OutboxSendSpans spans;
  private final String owner = "relay-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID();
  private volatile Thread thread;
  private volatile boolean running;
  private long leaseRenewAt;
  private long nextPurgeAt;

  public OutboxRelay(
      SagaOutbox outbox,
      RelayLease lease,
      OutboxSignal signal,
      KafkaTemplate<String, String> kafka,
      OutboxRelayProperties properties,
      Chaos chaos,
      OutboxRelayMetrics metrics,
      OutboxSendSpans spans) {
    this.outbox = outbox;
    this.lease = lease;
    this.signal = signal;
    this.kafka = kafka;
    this.properties = properties;
    this.chaos = chaos;
    this.metrics = metrics;
    this.spans = spans;
  }

  @Override
  public void start() {
    leaseRenewAt = System.nanoTime();
    nextPurgeAt = leaseRenewAt;
    running = true;
    thread = new Thread(this::relayUntilStopped, "outbox-relay");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    Thread relay = thread;
    if (relay != null) {
      relay.interrupt();
      try {
        relay.join(properties.sendTimeout().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      lease.release(owner);
    } catch (RuntimeException databaseGone) {
      log.debug("could not release the relay lease: {}", databaseGone.getMessage());
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void relayUntilStopped() {
    while (running) {
      try {
        if (!holdLease()) {
          signal.await(properties.lease().dividedBy(4));
          continue;
        }
        purgeNowAndThen();
        List<OutboxEntry> batch = outbox.unsent(properties.batchSize());
        if (batch.isEmpty()) {
          signal.await(properties.pollInterval());
          continue;
        }
        outbox.markSent(send(batch));
      } catch (InterruptedException stopping) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException failed) {
        // The broker or the database is away: the events stay in the outbox and go out later.
        log.warn("outbox relay round failed, retrying: {}", failed.getMessage());
        metrics.roundFailed();
        pause(AFTER_FAILURE);
      }
    }
  }

  /** Renews the lease once half of it is used, so that a busy relay does not write on every round. */
  private boolean holdLease() {
    long now = System.nanoTime();
    if (now - leaseRenewAt < 0) {
      return true;
    }
    if (lease.holdFor(owner, properties.lease())) {
      leaseRenewAt = now + properties.lease().dividedBy(2).toNanos();
      return true;
    }
    return false;
  }

  /** Sends the batch; returns the ids the brokers acknowledged, up to the first that failed. */
  private List<Long> send(List<OutboxEntry> batch) throws InterruptedException {
    List<CompletableFuture<SendResult<String, String>>> acks = new ArrayList<>();
    for (OutboxEntry entry : batch) {
      List<Header> headers = new ArrayList<>(CloudEventHeaders.of(entry));
      headers.add(SagaOrigin.header());
      acks.add(spans.send(entry, new ProducerRecord<>(entry.topic(), null, entry.messageKey(), entry.payload(), headers), kafka::send));
    }
    long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
    List<Long> sent = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      try {
        acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        sent.add(batch.get(i).id());
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException notAcknowledged) {
        log.warn("Kafka did not acknowledge {} on {}; it is sent again", batch.get(i).eventId(), batch.get(i).topic());
        metrics.notAcknowledged();
        break;
      }
    }
    chaos.afterEffect(FaultyStep.PUBLISH);
    return sent;
  }

  private void purgeNowAndThen() {
    long now = System.nanoTime();
    if (now - nextPurgeAt >= 0) {
      nextPurgeAt = now + PURGE_EVERY.toNanos();
      outbox.purgeSentBefore(properties.retention(), 10_000);
    }
  }

  private void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}

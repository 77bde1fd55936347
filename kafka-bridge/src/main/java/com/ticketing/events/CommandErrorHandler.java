package com.ticketing.events;

import com.ticketing.logging.LogSafe;
import com.ticketing.events.InboundCommandMetrics.Result;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultBackOffHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ErrorHandlingUtils;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.util.backoff.BackOff;

/**
 * Builds the error handler of an inbound command listener so that no command is lost: a transient
 * failure is delivered again after the back-off while the records behind it wait (one seat's
 * commands stay in order); when the back-off runs out, or at once for a {@link CommandRejected},
 * the record goes to the dead-letter topic with its key, value and headers plus the error in
 * {@code kafka_dlt-*} headers. The offset is committed only once the broker acknowledged the dead
 * letter; a dead letter that cannot be published leaves the record to be delivered again.
 */
final class CommandErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(CommandErrorHandler.class);

  private CommandErrorHandler() {}

  static DefaultErrorHandler create(
      KafkaOperations<?, ?> kafka, String deadLetterTopic, BackOff backOff, InboundCommandMetrics metrics) {
    // Partition -1: the producer picks the dead letter's partition from its key.
    var deadLetters =
        new DeadLetterPublishingRecoverer(kafka, (record, failure) -> new TopicPartition(deadLetterTopic, -1));
    var handler = new DefaultErrorHandler(deadLetters, backOff, new CountingBackOffHandler(metrics));
    handler.addNotRetryableExceptions(CommandRejected.class);
    handler.setRetryListeners(new DeadLetterListener(deadLetterTopic, metrics));
    return handler;
  }

  /** Counts and logs each redelivery, then waits as Spring Kafka's default handler does. */
  private static final class CountingBackOffHandler extends DefaultBackOffHandler {

    private final InboundCommandMetrics metrics;

    CountingBackOffHandler(InboundCommandMetrics metrics) {
      this.metrics = metrics;
    }

    @Override
    public void onNextBackOff(MessageListenerContainer container, Exception exception, long nextBackOff) {
      metrics.count(Result.RETRIED);
      Exception cause = ErrorHandlingUtils.findRootCause(exception);
      log.warn("inbound command failed transiently, delivered again in {} ms: {}", nextBackOff, LogSafe.of(cause));
      super.onNextBackOff(container, exception, nextBackOff);
    }
  }

  /** Counts and logs each record that went to the dead-letter topic. */
  private record DeadLetterListener(String deadLetterTopic, InboundCommandMetrics metrics) implements RetryListener {

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
      // Counted in CountingBackOffHandler when a redelivery follows, and in recovered() otherwise.
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
      metrics.count(Result.DEAD_LETTERED);
      log.warn(
          "{} sent to {}: {}",
          KafkaUtils.format(record),
          deadLetterTopic,
          LogSafe.of(ErrorHandlingUtils.findRootCause(failure)));
    }

    @Override
    public void recoveryFailed(ConsumerRecord<?, ?> record, Exception failure, Exception publishFailure) {
      log.error(
          "{} could not be sent to {}; it will be delivered again", KafkaUtils.format(record), deadLetterTopic,
          publishFailure);
    }
  }
}

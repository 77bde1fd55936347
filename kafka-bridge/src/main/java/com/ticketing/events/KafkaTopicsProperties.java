package com.ticketing.events;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the saga's topics and payment.try.DLT are created at start-up ({@code ticketing.kafka.*}).
 *
 * @param partitions partitions per topic; the key userId-seatId keeps one seat's events in order
 * @param replicationFactor replicas per partition (1 for the embedded broker, 3 on a cluster)
 * @param minInsyncReplicas the topics' min.insync.replicas, with producers on acks=all
 * @param consumerGroup the group of the inbound payment.try listener
 */
@Validated
@ConfigurationProperties("ticketing.kafka")
public record KafkaTopicsProperties(
    @Min(1) @DefaultValue("3") int partitions,
    @Min(1) @DefaultValue("1") short replicationFactor,
    @Min(1) @DefaultValue("1") int minInsyncReplicas,
    @DefaultValue("payment-saga-bridge") String consumerGroup) {}

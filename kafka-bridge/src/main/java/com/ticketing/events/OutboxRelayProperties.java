package com.ticketing.events;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox relay ({@code ticketing.outbox.*}).
 *
 * @param pollInterval how often the relay looks for events written by other instances (events of
 *     this instance wake it at once)
 * @param batchSize events sent per round
 * @param sendTimeout how long a round waits for the broker's acknowledgements
 * @param lease how long the relay's lease lasts without renewal; another instance takes over after it
 * @param retention how long sent events stay in the table (for inspection), then they are deleted
 */
@Validated
@ConfigurationProperties("ticketing.outbox")
public record OutboxRelayProperties(
    @NotNull @DefaultValue("PT0.1S") Duration pollInterval,
    @Min(1) @DefaultValue("500") int batchSize,
    @NotNull @DefaultValue("PT10S") Duration sendTimeout,
    @NotNull @DefaultValue("PT10S") Duration lease,
    @NotNull @DefaultValue("PT1H") Duration retention) {}

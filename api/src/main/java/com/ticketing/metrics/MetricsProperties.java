package com.ticketing.metrics;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The saga's metrics ({@code ticketing.metrics.*}).
 *
 * @param snapshotInterval how often the gauges read from the database (parked sagas, the outbox
 *     backlog) are refreshed; a scrape reads the last snapshot and never queries
 */
@Validated
@ConfigurationProperties("ticketing.metrics")
public record MetricsProperties(@NotNull @DefaultValue("PT15S") Duration snapshotInterval) {}

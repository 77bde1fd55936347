package com.ticketing.demo;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo catalogue ({@code ticketing.demo-data.*}).
 *
 * @param enabled load it at start (instances that serve REST only)
 * @param users users 1..users
 * @param seats seats 1..seats, priced 1,000 to 100,000 points
 * @param pointsPerUser the points each demo user is granted
 */
@Validated
@ConfigurationProperties("ticketing.demo-data")
public record DemoDataProperties(
    @DefaultValue("false") boolean enabled,
    @Min(0) @DefaultValue("100") int users,
    @Min(0) @DefaultValue("1000") int seats,
    @Min(1) @DefaultValue("100000") long pointsPerUser) {}

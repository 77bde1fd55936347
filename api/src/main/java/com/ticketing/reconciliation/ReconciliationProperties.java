package com.ticketing.reconciliation;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The reconciliation of the books ({@code ticketing.reconciliation.*}).
 *
 * @param enabled run it on a schedule (instances that serve REST only); the endpoint works either way
 * @param interval the time between the end of one scheduled run and the start of the next; the
 *     first run starts one interval after start-up
 * @param workflowCheckLimit at most this many final sagas, newest first, are compared with their
 *     workflow's result in Temporal per run (0: none)
 */
@Validated
@ConfigurationProperties("ticketing.reconciliation")
public record ReconciliationProperties(
    @DefaultValue("true") boolean enabled,
    @NotNull @DurationMin(seconds = 1) @DefaultValue("PT5M") Duration interval,
    @Min(0) @DefaultValue("500") int workflowCheckLimit) {}

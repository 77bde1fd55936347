/**
 * The saga's own metrics for Prometheus ({@code /actuator/prometheus}): outcomes and their
 * latency, payment retries, and a periodic snapshot of parked sagas and the outbox backlog. The
 * inbound commands, the relay's failures and reconciliation count where they happen.
 */
package com.ticketing.metrics;

package com.ticketing.bench.report;

/**
 * The saga against one baseline at one concurrency.
 *
 * @param throughput saga throughput ÷ baseline throughput (0.25: the saga does a quarter as many per second)
 * @param p50 saga p50 ÷ baseline p50 (4.0: the saga's median takes four times as long)
 */
public record Ratio(String baseline, int concurrency, Double throughput, Double p50) {}

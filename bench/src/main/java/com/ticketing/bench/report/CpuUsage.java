package com.ticketing.bench.report;

/**
 * CPU time spent during one run, in seconds per process (null where it could not be measured),
 * and per finished saga the sum of the processes named in {@code counted}.
 *
 * @param service the service JVM (with the embedded Kafka broker in it, and Temporal's test server when that runs)
 * @param temporal the Temporal dev server, when Temporal runs as a process of its own under the service JVM
 * @param mariaDb the embedded mariadbd process
 * @param bench the bench JVM (the ceiling's worker or the direct path's loop, and the clients)
 */
public record CpuUsage(
    Double service, Double temporal, Double mariaDb, Double bench, Double perSagaMillis, String counted) {}

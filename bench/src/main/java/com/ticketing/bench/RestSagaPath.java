package com.ticketing.bench;

import com.ticketing.bench.service.ServiceApi;
import com.ticketing.bench.service.ServiceApi.Answer;
import java.time.Duration;
import java.util.Map;

/**
 * The saga as a buyer's client drives it: hold a seat, pay for it, poll the payment until it is
 * final. Its latency runs from sending the payment to receiving the final answer, so it includes
 * up to one poll interval of waiting for the client to look.
 */
final class RestSagaPath implements SagaPath {

  private final ServiceApi api;
  private final SagaNumbers numbers;
  private final Duration pollInterval;
  private final Duration sagaTimeout;
  private final String runId;

  RestSagaPath(ServiceApi api, SagaNumbers numbers, Duration pollInterval, Duration sagaTimeout, String runId) {
    this.api = api;
    this.numbers = numbers;
    this.pollInterval = pollInterval;
    this.sagaTimeout = sagaTimeout;
    this.runId = runId;
  }

  @Override
  public BenchPath kind() {
    return BenchPath.SAGA;
  }

  @Override
  public CpuMeter.Counted counted() {
    return CpuMeter.Counted.SERVICE_AND_DATABASE;
  }

  @Override
  public Sample runOne() {
    long number = numbers.next();
    String paymentTxId = "bench-" + runId + "-" + number;
    int holdAttempts = 0;
    long holdNanos = -1;
    long holding = System.nanoTime();
    try {
      Answer held;
      do {
        if (holdAttempts > 0) {
          HoldRetry.backOff(holdAttempts);
        }
        holdAttempts++;
        held = api.post("/api/reservations", Map.of("userId", number, "seatId", number));
      } while (held.status() == 503 && holdAttempts < HoldRetry.MAX_ATTEMPTS);
      holdNanos = System.nanoTime() - holding;
      if (held.status() != 201) {
        return Sample.error(paymentTxId, holding, holdAttempts, holdNanos,
            "hold answered " + held.status() + " after " + holdAttempts + " attempts: " + held.detail());
      }
      long started = System.nanoTime();
      Answer paid =
          api.post(
              "/api/payments",
              Map.of(
                  "userId", number,
                  "reservationId", held.body().path("reservationId").asLong(),
                  "paymentTxId", paymentTxId));
      long startNanos = System.nanoTime() - started;
      if (paid.status() != 202) {
        return Sample.error(paymentTxId, holding, holdAttempts, holdNanos, "pay answered " + paid.status() + ": " + paid.detail());
      }
      return pollUntilFinal(paymentTxId, holding, holdAttempts, holdNanos, started, startNanos);
    } catch (RuntimeException e) {
      return Sample.error(paymentTxId, holding, holdAttempts, holdNanos, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private Sample pollUntilFinal(
      String paymentTxId, long holding, int holdAttempts, long holdNanos, long started, long startNanos) {
    long deadline = started + sagaTimeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      sleep(pollInterval);
      Answer view = api.get("/api/payments/" + paymentTxId);
      if (view.status() == 200 && view.body().path("final").asBoolean()) {
        long totalNanos = System.nanoTime() - started;
        String status = view.body().path("status").asString();
        String error = Sample.SUCCESS.equals(status) ? null : view.body().path("lastError").asString(null);
        int retries = view.body().path("retryCount").asInt();
        return new Sample(paymentTxId, holding, status, holdAttempts, holdNanos, startNanos, totalNanos, retries, error);
      }
      last = view.status() + " " + view.text();
    }
    return new Sample(paymentTxId, holding, Sample.TIMEOUT, holdAttempts, holdNanos, startNanos, -1, 0,
        "not final within " + sagaTimeout + "; last answer " + last);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {}
}

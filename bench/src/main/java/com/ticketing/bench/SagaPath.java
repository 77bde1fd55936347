package com.ticketing.bench;

/** One way of doing a payment, run once per call from many threads at once. */
public interface SagaPath extends AutoCloseable {

  BenchPath kind();

  /** Runs one saga with a user and seat of its own, and says how it went; never throws. */
  Sample runOne();

  /** Which processes' CPU time is this path's cost (see CpuMeter). */
  CpuMeter.Counted counted();

  @Override
  void close();
}

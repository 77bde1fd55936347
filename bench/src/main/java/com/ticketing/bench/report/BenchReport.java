package com.ticketing.bench.report;

import java.util.List;

/** Everything one bench run found: written as latest.json, rendered as latest.md and latest.png. */
public record BenchReport(
    String date,
    MachineFacts machine,
    RunSettings settings,
    List<PhaseResult> phases,
    List<Ratio> ratios,
    List<HistoryStats> histories,
    Books books,
    List<String> notes) {}

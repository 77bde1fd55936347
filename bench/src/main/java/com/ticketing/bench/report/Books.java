package com.ticketing.bench.report;

/**
 * The service's own reconciliation after the run (GET /api/admin/reconciliation): null figures
 * and a note when it could not be asked.
 */
public record Books(Long sagasChecked, Integer workflowsChecked, Integer violations, String note) {}

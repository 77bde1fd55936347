package com.ticketing.reconciliation;

import java.util.List;

/**
 * What one consistent read of the database found: how many payment rows, the violations of the
 * rules of the books, and the newest final sagas to compare with Temporal.
 */
record BooksSnapshot(long sagasChecked, List<Violation> violations, List<FinalSaga> finalSagas) {}

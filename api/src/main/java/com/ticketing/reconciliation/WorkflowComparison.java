package com.ticketing.reconciliation;

import java.util.List;

/**
 * What comparing final rows with their workflows found.
 *
 * @param checked rows compared with a completed workflow's result
 * @param skipped rows whose workflow is unknown to Temporal, still running, or closed otherwise
 * @param error why the comparison stopped early, else null
 */
record WorkflowComparison(int checked, int skipped, String error, List<Violation> violations) {}

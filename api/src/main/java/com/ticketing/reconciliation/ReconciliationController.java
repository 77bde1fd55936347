package com.ticketing.reconciliation;

import com.ticketing.mode.ServesRest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs a reconciliation on demand; under /api/admin, so it needs the viewer (or operator) role. */
@RestController
@ServesRest
public class ReconciliationController {

  private final ReconciliationService reconciliation;

  public ReconciliationController(ReconciliationService reconciliation) {
    this.reconciliation = reconciliation;
  }

  @GetMapping("/api/admin/reconciliation")
  public ReconciliationReport reconcile() {
    return reconciliation.reconcile();
  }
}

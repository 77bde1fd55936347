package com.ticketing.admin;

import com.ticketing.apidocs.ProblemResponse;
import com.ticketing.errors.TicketingException;
import com.ticketing.errors.TicketingException.Kind;
import com.ticketing.mode.ServesRest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail of operator decisions, newest first (viewer role). */
@RestController
@ServesRest
public class AuditController {

  private static final int MAX_LIMIT = 500;

  private final OperatorAudit audit;

  public AuditController(OperatorAudit audit) {
    this.audit = audit;
  }

  @ProblemResponse(status = 400, when = "a limit outside 1 to 500")
  @GetMapping("/api/admin/audit")
  public List<AuditEntry> audit(@RequestParam(defaultValue = "50") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new TicketingException(Kind.INVALID, "Invalid limit", "limit must be between 1 and " + MAX_LIMIT);
    }
    return audit.newest(limit);
  }
}

package com.ticketing.external;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports an unreachable engine as Boot's short "APPLICATION FAILED TO START" text, no trace. */
public class EngineUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<EngineUnreachableException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, EngineUnreachableException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}

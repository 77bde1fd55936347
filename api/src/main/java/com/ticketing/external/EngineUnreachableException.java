package com.ticketing.external;

/** An engine the service needs at start-up is not configured or does not answer. */
public class EngineUnreachableException extends RuntimeException {

  private final String action;

  public EngineUnreachableException(String message, String action) {
    super(message);
    this.action = action;
  }

  /** What the operator should do about it. */
  public String action() {
    return action;
  }
}

package com.ticketing.external;

/** An engine the service needs at start-up is not configured or does not answer. */
public class EngineUnreachableException extends RuntimeException {

  private final String engine;
  private final String setting;

  public EngineUnreachableException(String engine, String setting, String message) {
    super(message);
    this.engine = engine;
    this.setting = setting;
  }

  public String engine() {
    return engine;
  }

  public String setting() {
    return setting;
  }
}

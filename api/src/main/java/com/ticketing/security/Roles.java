package com.ticketing.security;

/** The roles callers can have; Spring Security sees them as {@code ROLE_<name>}. */
public final class Roles {

  /** Reads the operator API: lists, inspection, reconciliation, the audit trail. */
  public static final String VIEWER = "VIEWER";
  /** A viewer who may also decide (retry, compensate). */
  public static final String OPERATOR = "OPERATOR";
  /** A caller with a buyer JWT. */
  public static final String BUYER = "BUYER";

  private Roles() {}
}

package com.ticketing.errors;

/** A request the service refuses, with a title and detail fit to show the caller. */
public class TicketingException extends RuntimeException {

  /** What kind of refusal this is; the web layer turns it into a status code. */
  public enum Kind {
    INVALID,
    NOT_FOUND,
    FORBIDDEN,
    CONFLICT,
    /** A limit of the caller's is reached (429). */
    LIMITED,
    UNAVAILABLE
  }

  private final Kind kind;
  private final String title;

  public TicketingException(Kind kind, String title, String detail) {
    super(detail);
    this.kind = kind;
    this.title = title;
  }

  public Kind kind() {
    return kind;
  }

  public String title() {
    return title;
  }

  public static TicketingException notFound(String what, long id) {
    return new TicketingException(Kind.NOT_FOUND, what + " not found", what + " " + id + " does not exist");
  }
}

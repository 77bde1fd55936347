package com.ticketing.security;

import com.ticketing.errors.TicketingException;
import com.ticketing.errors.TicketingException.Kind;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which buyer a request acts for. With buyer JWTs, it is the token's subject: a {@code userId}
 * the caller sends must be the same, and other buyers' payments, points and reservations do not
 * exist for it (404, so that ids cannot be probed). Without, the request's own {@code userId}.
 */
@Component
public class Buyers {

  private final boolean enforced;

  public Buyers(SecurityProperties security) {
    this.enforced = security.buyersNeedJwt();
  }

  /** Whether buyers are authenticated ({@code ticketing.security.buyers=jwt}). */
  public boolean authenticated() {
    return enforced;
  }

  /** The user id to act for: the token's subject, or the claimed id when buyers are not authenticated. */
  public Long actingUserId(Long claimed) {
    if (!enforced) {
      return claimed;
    }
    long subject = subject();
    if (claimed != null && claimed != subject) {
      throw new TicketingException(
          Kind.FORBIDDEN, "Another user's id", "userId must be your own (the token's subject) or left out");
    }
    return subject;
  }

  /** Passes when the caller may see what belongs to {@code ownerId}; otherwise throws the not-found. */
  public void requireOwnedBy(long ownerId, Supplier<TicketingException> notFound) {
    if (enforced && ownerId != subject()) {
      throw notFound.get();
    }
  }

  private static long subject() {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    String name = caller == null ? null : caller.getName();
    try {
      long id = Long.parseLong(name);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException notANumber) {
      // below
    }
    throw new TicketingException(
        Kind.FORBIDDEN, "Not a buyer", "the token's subject is not a user id, so it cannot act as a buyer");
  }
}

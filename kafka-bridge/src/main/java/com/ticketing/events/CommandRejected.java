package com.ticketing.events;

import com.ticketing.errors.TicketingException;

/**
 * A payment.try message that no redelivery can make work: unreadable, without a paymentTxId, or
 * refused by the service. The error handler sends it to the dead-letter topic without retrying.
 */
class CommandRejected extends RuntimeException {

  private CommandRejected(String message, Throwable cause) {
    super(message, cause);
  }

  static CommandRejected unreadable(RuntimeException cause) {
    return new CommandRejected("unreadable payment.try message: " + cause.getMessage(), cause);
  }

  static CommandRejected withoutValue() {
    return new CommandRejected("unreadable payment.try message: no value", null);
  }

  static CommandRejected withoutPaymentTxId() {
    // A redelivered command without its idempotency key would pay a second time.
    return new CommandRejected("payment.try command without paymentTxId", null);
  }

  static CommandRejected refused(String paymentTxId, TicketingException refusal) {
    return new CommandRejected(
        "payment.try " + paymentTxId + " refused (" + refusal.kind() + ", " + refusal.title() + "): "
            + refusal.getMessage(),
        refusal);
  }
}

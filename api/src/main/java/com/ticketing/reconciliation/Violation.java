package com.ticketing.reconciliation;

/**
 * One place where the books disagree.
 *
 * @param paymentTxId the payment it is about; null for rules about users or seats, whose
 *     detail names the user or seat
 * @param rule the stable id of the rule it breaks, e.g. {@code ledger-shape}
 * @param detail what is wrong, for a human
 */
public record Violation(String paymentTxId, String rule, String detail) {

  static Violation ofPayment(String rule, String paymentTxId, String detail) {
    return new Violation(paymentTxId, rule, detail);
  }

  static Violation ofBooks(String rule, String detail) {
    return new Violation(null, rule, detail);
  }
}

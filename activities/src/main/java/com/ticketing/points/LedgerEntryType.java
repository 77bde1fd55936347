package com.ticketing.points;

/** The two ways a payment moves points; each happens at most once per paymentTxId. */
public enum LedgerEntryType {
  DEBIT,
  REFUND
}

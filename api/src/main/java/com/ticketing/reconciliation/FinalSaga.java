package com.ticketing.reconciliation;

import com.ticketing.saga.PaymentStatus;

/** A polling row that says its saga is over: FAILURE, CANCEL, or SUCCESS with the seat confirmed. */
record FinalSaga(String paymentTxId, PaymentStatus status) {

  /** Only a SUCCESS ends with the seat confirmed. */
  boolean seatConfirmed() {
    return status == PaymentStatus.SUCCESS;
  }
}

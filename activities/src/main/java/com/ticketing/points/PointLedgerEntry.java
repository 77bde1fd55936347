package com.ticketing.points;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One movement of points, unique per (paymentTxId, type) in the database. */
@Entity
@Table(name = "point_ledger")
public class PointLedgerEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "payment_tx_id", nullable = false)
  private String paymentTxId;

  @Column(name = "user_id", nullable = false)
  private long userId;

  @Enumerated(EnumType.STRING)
  @Column(name = "entry_type", nullable = false)
  private LedgerEntryType entryType;

  @Column(nullable = false)
  private long amount;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected PointLedgerEntry() {}

  PointLedgerEntry(
      String paymentTxId, long userId, LedgerEntryType entryType, long amount, Instant createdAt) {
    this.paymentTxId = paymentTxId;
    this.userId = userId;
    this.entryType = entryType;
    this.amount = amount;
    this.createdAt = createdAt;
  }

  public String getPaymentTxId() {
    return paymentTxId;
  }

  public long getUserId() {
    return userId;
  }

  public LedgerEntryType getEntryType() {
    return entryType;
  }

  public long getAmount() {
    return amount;
  }
}

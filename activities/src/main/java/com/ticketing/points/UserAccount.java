package com.ticketing.points;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A ticket buyer and the prepaid points they pay with. */
@Entity
@Table(name = "users")
public class UserAccount {

  @Id private Long id;

  @Column(name = "point_balance", nullable = false)
  private long pointBalance;

  protected UserAccount() {}

  public Long getId() {
    return id;
  }

  public long getPointBalance() {
    return pointBalance;
  }

  boolean canAfford(long amount) {
    return pointBalance >= amount;
  }

  void debit(long amount) {
    pointBalance -= amount;
  }

  void credit(long amount) {
    pointBalance += amount;
  }
}

package com.ticketing.reservation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A seat of the concert and its price in points. */
@Entity
@Table(name = "seats")
public class Seat {

  @Id private Long id;

  @Column(nullable = false)
  private String label;

  @Column(nullable = false)
  private long price;

  protected Seat() {}

  public Long getId() {
    return id;
  }

  public String getLabel() {
    return label;
  }

  public long getPrice() {
    return price;
  }
}

package com.ticketing.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code one-live-reservation-per-seat}: no seat has two reservations HELD or CONFIRMED, and
 * active_seat_id is the seat exactly while a reservation is HELD or CONFIRMED (its unique key is
 * what keeps a seat from being sold twice, so a wrong value disarms it).
 */
final class OneLiveReservationPerSeatRule implements BookRule {

  static final String ID = "one-live-reservation-per-seat";

  private static final String SEVERAL_LIVE = "several-live";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String sql() {
    return """
        SELECT seat_id, 'several-live' AS problem, COUNT(*) AS live,
               GROUP_CONCAT(id ORDER BY id SEPARATOR ', ') AS reservation_ids,
               NULL AS status, NULL AS active_seat_id
        FROM reservations
        WHERE status IN ('HELD', 'CONFIRMED')
        GROUP BY seat_id
        HAVING COUNT(*) > 1
        UNION ALL
        SELECT seat_id, 'active-seat' AS problem, 1 AS live, CAST(id AS CHAR) AS reservation_ids,
               status, active_seat_id
        FROM reservations
        WHERE (status IN ('HELD', 'CONFIRMED') AND (active_seat_id IS NULL OR active_seat_id <> seat_id))
           OR (status NOT IN ('HELD', 'CONFIRMED') AND active_seat_id IS NOT NULL)
        ORDER BY seat_id, problem DESC, reservation_ids
        """;
  }

  @Override
  public Violation violation(ResultSet row) throws SQLException {
    long seatId = row.getLong("seat_id");
    String reservations = row.getString("reservation_ids");
    if (SEVERAL_LIVE.equals(row.getString("problem"))) {
      return Violation.ofBooks(
          ID,
          "seat " + seatId + " has " + row.getLong("live") + " reservations HELD or CONFIRMED: " + reservations);
    }
    Object activeSeatId = row.getObject("active_seat_id");
    return Violation.ofBooks(
        ID,
        "reservation " + reservations + " of seat " + seatId + " is " + row.getString("status")
            + " with active_seat_id " + (activeSeatId == null ? "NULL" : activeSeatId));
  }
}

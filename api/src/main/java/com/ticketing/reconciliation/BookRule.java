package com.ticketing.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;

/** One rule of the books: a single set-based query whose every row is a violation. */
interface BookRule {

  /** The stable kebab-case id reported as {@link Violation#rule()}. */
  String id();

  /** Selects the rows that break the rule, in a stable order. */
  String sql();

  /** The violation one selected row stands for. */
  Violation violation(ResultSet row) throws SQLException;
}

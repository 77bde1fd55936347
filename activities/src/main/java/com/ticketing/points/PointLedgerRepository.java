package com.ticketing.points;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PointLedgerRepository extends JpaRepository<PointLedgerEntry, Long> {

  Optional<PointLedgerEntry> findByPaymentTxIdAndEntryType(String paymentTxId, LedgerEntryType type);

  boolean existsByPaymentTxIdAndEntryType(String paymentTxId, LedgerEntryType type);

  List<PointLedgerEntry> findByPaymentTxId(String paymentTxId);
}

/**
 * Reconciliation: checks that the books agree with each other — the ledger, balances and grants,
 * seats, the polling rows, and the workflows' results — on demand ({@code GET
 * /api/admin/reconciliation}) and on a schedule. It only reads; fixing what it finds is for an
 * operator.
 */
package com.ticketing.reconciliation;

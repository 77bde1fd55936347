package com.ticketing.admin;

/** A decision as an operator sends it: why, and who sends it. */
public record OperatorDecision(String reason, String actor) {}

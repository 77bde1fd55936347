package com.ticketing.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator API ({@code ticketing.admin.*}).
 *
 * @param operatorToken the shared secret operators send as {@code X-Operator-Token}; empty
 *     disables the operator API (every call is refused)
 */
@ConfigurationProperties("ticketing.admin")
public record AdminProperties(String operatorToken) {}

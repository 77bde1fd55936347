package com.ticketing.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator API's tokens ({@code ticketing.admin.*}), sent as {@code X-Operator-Token}; an
 * empty token is not accepted, so with neither set the API is closed to tokens.
 *
 * @param operatorToken gives the operator role: read and decide
 * @param viewerToken gives the viewer role: read only (lists, inspection, reconciliation, audit)
 */
@ConfigurationProperties("ticketing.admin")
public record AdminProperties(String operatorToken, String viewerToken) {}

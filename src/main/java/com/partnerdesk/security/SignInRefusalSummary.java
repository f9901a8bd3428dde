package com.partnerdesk.security;

import java.time.Instant;

/**
 * The refused sign-ins of one account (or of usernames that name none, then {@code account} is empty) from one address
 * range within one hour: how many, why, when the first and the last came, and the last one's address. An address
 * range of {@link SignInRefusals#OTHER_RANGES} gathers the ranges beyond the hour's limit.
 */
public record SignInRefusalSummary(String account, String addressRange, String lastAddress,
        SignInRefusalReason reason, int attempts, Instant firstAt, Instant lastAt) {
}

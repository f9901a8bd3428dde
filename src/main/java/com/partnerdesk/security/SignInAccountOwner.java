package com.partnerdesk.security;

import java.util.Optional;
import java.util.UUID;

/**
 * Says which customer's account a typed username names, without checking any password, so that a sign-in refused by
 * the throttle is recorded in that customer's activity like any other attempt.
 */
@FunctionalInterface
public interface SignInAccountOwner {

    /** Accounts that belong to no customer, such as the partner's staff. */
    SignInAccountOwner NONE = username -> Optional.empty();

    Optional<UUID> customerOf(String username);
}

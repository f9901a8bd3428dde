package com.partnerdesk.security;

import java.util.Optional;
import java.util.UUID;

/**
 * Says whether a typed username names an account at a door, and whose, without checking any password. A refused
 * sign-in is recorded under the account's name only when there is such an account, so usernames made up by the
 * thousand never become rows of their own.
 */
@FunctionalInterface
public interface SignInAccounts {

    /** The account {@code username} names, or nothing when it names none. */
    Optional<Account> find(String username);

    /** An account a username names; {@code customerId} is null for an account of no customer, such as staff. */
    record Account(UUID customerId) {

        public static Account ofCustomer(UUID customerId) {
            return new Account(customerId);
        }

        public static Account withoutCustomer() {
            return new Account(null);
        }
    }
}

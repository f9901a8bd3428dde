package com.partnerdesk.directory;

import java.util.Optional;
import java.util.UUID;

/**
 * The answer to a customer user's sign-in attempt.
 *
 * @param customerId the customer of the username, whenever it names an active user (for the audit trail; the person
 *                   signing in is never told)
 */
public record SignInOutcome(Result result, Optional<CustomerAccount> account, Optional<UUID> customerId) {

    public enum Result {
        ACCEPTED, REFUSED, TEMPORARY_PASSWORD_EXPIRED
    }

    static SignInOutcome accepted(CustomerAccount account) {
        return new SignInOutcome(Result.ACCEPTED, Optional.of(account), Optional.of(account.customerId()));
    }

    static SignInOutcome refused(UUID customerId) {
        return new SignInOutcome(Result.REFUSED, Optional.empty(), Optional.ofNullable(customerId));
    }

    static SignInOutcome expired(UUID customerId) {
        return new SignInOutcome(Result.TEMPORARY_PASSWORD_EXPIRED, Optional.empty(), Optional.of(customerId));
    }
}

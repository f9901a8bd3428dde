package com.partnerdesk.directory;

import java.util.Optional;

/** The answer to a customer user's sign-in attempt. */
public record SignInOutcome(Result result, Optional<CustomerAccount> account) {

    public enum Result {
        ACCEPTED, REFUSED, TEMPORARY_PASSWORD_EXPIRED
    }

    static SignInOutcome accepted(CustomerAccount account) {
        return new SignInOutcome(Result.ACCEPTED, Optional.of(account));
    }

    static SignInOutcome refused() {
        return new SignInOutcome(Result.REFUSED, Optional.empty());
    }

    static SignInOutcome expired() {
        return new SignInOutcome(Result.TEMPORARY_PASSWORD_EXPIRED, Optional.empty());
    }
}

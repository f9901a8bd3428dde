package com.partnerdesk.portal;

import java.io.Serializable;
import java.util.UUID;

import com.partnerdesk.directory.CustomerAccount;
import com.partnerdesk.security.BelongsToCustomer;

/** The customer user of a /my session. Kept small: it is serialised into the session table. */
public record SignedInCustomerUser(UUID customerId, UUID userId, String username, String credentialStamp)
        implements Serializable, BelongsToCustomer {

    static SignedInCustomerUser of(CustomerAccount account) {
        return new SignedInCustomerUser(account.customerId(), account.userId(), account.username(),
                account.credentialStamp());
    }

    @Override
    public String toString() {
        return username;
    }
}

package com.partnerdesk.security;

import java.util.UUID;

/**
 * Implemented by a signed-in principal, or a refused sign-in, that concerns one customer's account: its audit entry
 * is then listed with that customer (its Activity tab) rather than with no customer.
 */
public interface BelongsToCustomer {

    UUID customerId();
}

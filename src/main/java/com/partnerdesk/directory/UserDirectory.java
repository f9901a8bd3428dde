package com.partnerdesk.directory;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's user accounts. Every method takes the customer: a user id of another customer is never found.
 */
@Service
public class UserDirectory {

    private final DirectoryUserRepository users;

    UserDirectory(DirectoryUserRepository users) {
        this.users = users;
    }

    /**
     * The user with that id, active or deleted, if it belongs to the customer.
     * @throws UserNotFound otherwise
     */
    @Transactional(readOnly = true)
    public DirectoryUser require(UUID customerId, UUID userId) {
        return users.findInCustomer(customerId, userId).orElseThrow(() -> new UserNotFound(userId));
    }

    @Transactional(readOnly = true)
    public long countActive(UUID customerId) {
        return users.countActive(customerId);
    }

    /** Active users of all customers together, for the partner's dashboard. */
    @Transactional(readOnly = true)
    public long countActiveInAllCustomers() {
        return users.countActiveInAllCustomers();
    }
}

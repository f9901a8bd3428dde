package com.partnerdesk.directory;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's user accounts. Every method takes the customer: a user id of another customer is never found.
 */
@Service
public class UserDirectory {

    private final DirectoryUserRepository users;

    private final JdbcTemplate jdbc;

    UserDirectory(DirectoryUserRepository users, JdbcTemplate jdbc) {
        this.users = users;
        this.jdbc = jdbc;
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

    /**
     * How many deleted users the customer has, for the "Deleted users (N)" tab on every page of the customer: one
     * statement on the index of deleted users, without a transaction around it.
     */
    public long countDeleted(UUID customerId) {
        Long deleted = jdbc.queryForObject(
                "select count(*) from customer_user where customer_id = ? and deleted_at is not null", Long.class,
                customerId);
        return deleted == null ? 0 : deleted;
    }
}

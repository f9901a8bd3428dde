package com.partnerdesk.directory;

import java.util.List;
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
     * How many deleted users the customer has, for the "Deleted users (N)" tab on every page of the customer: from the
     * counter the database keeps (migration V094), without a transaction around it.
     */
    public long countDeleted(UUID customerId) {
        List<Long> counted = jdbc.queryForList(
                "select deleted_users from customer_user_count where customer_id = ?", Long.class, customerId);
        return counted.isEmpty() ? 0 : counted.get(0);
    }
}

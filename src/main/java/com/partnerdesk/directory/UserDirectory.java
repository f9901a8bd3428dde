package com.partnerdesk.directory;

import java.util.UUID;

import com.partnerdesk.audit.AuditTrail;
import com.partnerdesk.directory.internal.DirectoryUser;
import com.partnerdesk.directory.internal.DirectoryUserRepository;
import com.partnerdesk.directory.internal.UserDeletedMeanwhile;
import com.partnerdesk.directory.internal.UserNotFound;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's user accounts. Every method takes the customer: a user id of another customer is never found.
 */
@Service
public class UserDirectory {

    private final DirectoryUserRepository users;

    private final AuditTrail audit;

    UserDirectory(DirectoryUserRepository users, AuditTrail audit) {
        this.users = users;
        this.audit = audit;
    }

    /**
     * The user with that id, active or deleted, if it belongs to the customer.
     * @throws UserNotFound otherwise
     */
    @Transactional(readOnly = true)
    public DirectoryUser require(UUID customerId, UUID userId) {
        return users.findInCustomer(customerId, userId).orElseThrow(() -> new UserNotFound(userId));
    }

    /**
     * The user an action is about to change, from a page that showed it active.
     * @throws UserNotFound when it is not a user of the customer
     * @throws UserDeletedMeanwhile when someone else deleted it since; the refusal is on the Activity tab under
     *         {@code refusedAction}
     */
    @Transactional(readOnly = true)
    public DirectoryUser requireNotDeletedMeanwhile(UUID customerId, UUID userId, String refusedAction) {
        DirectoryUser user = require(customerId, userId);
        if (user.isDeleted()) {
            throw UserDeletedMeanwhile.recorded(audit, customerId, userId, user.getDisplayName(), user.getUsername(),
                    refusedAction);
        }
        return user;
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

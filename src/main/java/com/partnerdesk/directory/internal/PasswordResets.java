package com.partnerdesk.directory.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import com.partnerdesk.audit.AuditLine;
import com.partnerdesk.audit.AuditTrail;
import com.partnerdesk.directory.CreatedUser;
import com.partnerdesk.security.StaffRole;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replaces users' passwords with new temporary ones. The old password stops working when the transaction commits, and
 * a customer user signed in with it is signed out at the next request.
 */
@Service
public class PasswordResets {

    private final DirectoryUserRepository users;

    private final TemporaryPasswords temporaryPasswords;

    private final AuditTrail audit;

    private final Clock clock;

    PasswordResets(DirectoryUserRepository users, TemporaryPasswords temporaryPasswords, AuditTrail audit,
            Clock clock) {
        this.users = users;
        this.temporaryPasswords = temporaryPasswords;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether a staff member with that role may reset the user's password: Helpdesk agents only for non-admins. */
    public static boolean mayReset(StaffRole role, DirectoryUser user) {
        return role == StaffRole.ADMIN_AGENT || (role == StaffRole.HELPDESK_AGENT && !user.hasAdminRole());
    }

    /** The active users of the customer with those ids, by display name, for the confirmation before a reset. */
    @Transactional(readOnly = true)
    public List<DirectoryUser> usersToReset(UUID customerId, Collection<UUID> userIds) {
        List<DirectoryUser> found = new ArrayList<>(users.findInCustomer(customerId, userIds));
        found.removeIf(DirectoryUser::isDeleted);
        found.sort(Comparator.comparing(DirectoryUser::getDisplayName, String.CASE_INSENSITIVE_ORDER));
        return found;
    }

    /**
     * Resets the passwords of active users of the customer, all or none.
     * @return each user with its new temporary password, by display name
     * @throws UserNotFound when an id is not a user of this customer
     * @throws UserDeletedMeanwhile when someone else deleted one of them since the page was shown; nothing is reset
     * @throws ResetNotAllowed when the role may not reset one of them; nothing is reset
     */
    @Transactional
    public List<CreatedUser> reset(UUID customerId, Collection<UUID> userIds, StaffRole actorRole) {
        List<UUID> ids = new ArrayList<>(new LinkedHashSet<>(userIds));
        // Locked, then judged: a deletion committed meanwhile is seen here, and one starting now waits for the reset.
        List<DirectoryUser> found = new ArrayList<>(users.lockInCustomer(customerId, ids));
        for (UUID id : ids) {
            DirectoryUser user = found.stream().filter(u -> u.getId().equals(id)).findFirst()
                .orElseThrow(() -> new UserNotFound(id));
            if (user.isDeleted()) {
                throw UserDeletedMeanwhile.recorded(audit, customerId, id, user.getDisplayName(),
                        user.getUsername(), "user.password-reset");
            }
            if (!mayReset(actorRole, user)) {
                audit.recordFailure(customerId, "user.password-reset", user.getUsername(), "refused: admin role");
                throw new ResetNotAllowed(user.getUsername());
            }
        }
        Instant now = clock.instant();
        Instant expiresAt = temporaryPasswords.expiresAt(now);
        List<CreatedUser> reset = new ArrayList<>(found.size());
        found.sort(Comparator.comparing(DirectoryUser::getDisplayName, String.CASE_INSENSITIVE_ORDER));
        List<AuditLine> lines = new ArrayList<>(found.size());
        for (DirectoryUser user : found) {
            String password = temporaryPasswords.generate();
            user.issueTemporaryPassword(CustomerUserPasswordEncoder.hashTemporary(password), expiresAt, now);
            reset.add(new CreatedUser(user.getId(), user.getDisplayName(), user.getUsername(), password));
            lines.add(new AuditLine(user.getUsername(), "temporary password issued"));
        }
        users.flush();
        audit.recordAll(customerId, "user.password-reset", lines);
        return reset;
    }
}

package com.partnerdesk.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.partnerdesk.audit.AuditTrail;
import com.partnerdesk.directory.internal.CustomerUserPasswordEncoder;
import com.partnerdesk.directory.internal.DirectoryUser;
import com.partnerdesk.directory.internal.DirectoryUserRepository;
import com.partnerdesk.directory.internal.UserNotFound;
import com.partnerdesk.security.PasswordChecks;
import com.partnerdesk.security.SignInName;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer users signing in to their own pages: checking a password, the forced change of a temporary password at the
 * first sign-in, and the account as the user sees it.
 */
@Service
public class CustomerSignIn {

    private final DirectoryUserRepository users;

    private final AuditTrail audit;

    private final PasswordChecks passwords;

    private final Clock clock;

    CustomerSignIn(DirectoryUserRepository users, AuditTrail audit, PasswordChecks passwords, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Checks a username and password. An expired temporary password is refused with its own answer, but only when it
     * was right, so the answer tells nothing to someone guessing.
     */
    @Transactional(readOnly = true)
    public SignInOutcome verify(String username, String password) {
        List<DirectoryUser> found = users.findActiveBySignInName(SignInName.fold(username));
        if (found.size() != 1 || found.get(0).getPasswordHash() == null) {
            passwords.spendOnDecoy(password);
            return SignInOutcome.refused(found.size() == 1 ? found.get(0).getCustomerId() : null);
        }
        DirectoryUser user = found.get(0);
        if (!matches(password, user.getPasswordHash())) {
            return SignInOutcome.refused(user.getCustomerId());
        }
        if (user.isTemporaryPasswordExpiredAt(clock.instant())) {
            return SignInOutcome.expired(user.getCustomerId());
        }
        return SignInOutcome.accepted(CustomerAccount.of(user));
    }

    /**
     * Costs one work-factor check whichever hash the user holds: a temporary password's hash is cheap by design
     * (docs/decisions/0004-temporary-password-hashing.md), and without the decoy check its quick answer would tell
     * that the account was created or reset recently and not yet used.
     */
    private boolean matches(String password, String storedHash) {
        if (CustomerUserPasswordEncoder.isTemporary(storedHash)) {
            passwords.spendOnDecoy(password);
            return CustomerUserPasswordEncoder.matchesTemporary(password, storedHash);
        }
        return passwords.matches(password, storedHash);
    }

    /**
     * The customer of the active user that {@code username} names, found without checking any password, so that a
     * sign-in the throttle refuses is still on that customer's Activity tab.
     */
    @Transactional(readOnly = true)
    public Optional<UUID> customerOf(String username) {
        List<UUID> customers = users.findActiveCustomerIdsBySignInName(SignInName.fold(username));
        return customers.size() == 1 ? Optional.of(customers.get(0)) : Optional.empty();
    }

    /** The active user's account as it is now, or nothing once the user is deleted. */
    @Transactional(readOnly = true)
    public Optional<CustomerAccount> account(UUID customerId, UUID userId) {
        return users.findInCustomer(customerId, userId).filter(u -> !u.isDeleted()).map(CustomerAccount::of);
    }

    /**
     * Replaces the user's password with one the user chose, hashed with bcrypt.
     * @return the message keys of the rules it breaks (then nothing changed), or the account with its new stamp
     */
    @Transactional
    public PasswordChange changeOwnPassword(UUID customerId, UUID userId, String newPassword) {
        DirectoryUser user = users.findInCustomer(customerId, userId).filter(u -> !u.isDeleted())
            .orElseThrow(() -> new UserNotFound(userId));
        List<String> problems = OwnPasswordPolicy.check(newPassword, user.getUsername(), user.getPasswordHash());
        if (!problems.isEmpty()) {
            return new PasswordChange(problems, Optional.empty());
        }
        boolean firstSignIn = user.isPasswordTemporary();
        Instant now = clock.instant();
        user.chooseOwnPassword(CustomerUserPasswordEncoder.hashOwn(newPassword), now);
        users.flush();
        audit.record(customerId, firstSignIn ? "user.first-sign-in" : "user.password-changed", user.getUsername(),
                firstSignIn ? "temporary password replaced by the user" : null);
        return new PasswordChange(List.of(), Optional.of(CustomerAccount.of(user)));
    }

    /** The outcome of {@link #changeOwnPassword}. */
    public record PasswordChange(List<String> problems, Optional<CustomerAccount> account) {
    }
}

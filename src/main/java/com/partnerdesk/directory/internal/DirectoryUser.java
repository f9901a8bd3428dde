package com.partnerdesk.directory.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.partnerdesk.directory.UserDetails;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A user account of a customer. Deletion is soft: a deleted user keeps its row, can be restored while
 * {@link #isRestorableAt} holds, and is purged afterwards.
 */
@Entity
@Table(name = "customer_user")
public class DirectoryUser {

    @Id
    private UUID id;

    private UUID customerId;

    private String firstName;

    private String lastName;

    private String displayName;

    private String username;

    private String usageLocation;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private String[] adminRoles = new String[0];

    private String passwordHash;

    private boolean passwordTemporary;

    private Instant passwordExpiresAt;

    private Instant lastSignInAt;

    private Instant createdAt;

    private Instant updatedAt;

    private Instant deletedAt;

    private String deletedBy;

    private String jobTitle;

    private String department;

    private String officePhone;

    private String mobilePhone;

    private String alternateEmail;

    protected DirectoryUser() {
    }

    /** Replaces the user's password with a temporary one that must be changed at the next sign-in. */
    public void issueTemporaryPassword(String passwordHash, Instant expiresAt, Instant now) {
        this.passwordHash = passwordHash;
        this.passwordTemporary = true;
        this.passwordExpiresAt = expiresAt;
        this.updatedAt = now;
    }

    /** Replaces a temporary (or earlier) password with one the user chose; it does not expire. */
    public void chooseOwnPassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.passwordTemporary = false;
        this.passwordExpiresAt = null;
        this.lastSignInAt = now;
        this.updatedAt = now;
    }

    /** Whether the user holds a temporary password that may no longer be used to sign in. */
    public boolean isTemporaryPasswordExpiredAt(Instant now) {
        return passwordTemporary && passwordExpiresAt != null && !now.isBefore(passwordExpiresAt);
    }

    /** Soft-deletes the user; the restore window starts now. */
    public void delete(Instant now, String deletedBy) {
        if (isDeleted()) {
            throw new IllegalStateException("User " + id + " is already deleted");
        }
        this.deletedAt = now;
        this.deletedBy = deletedBy;
        this.updatedAt = now;
    }

    /** Whether a deleted user can still be restored: strictly before the end of its restore window. */
    public boolean isRestorableAt(Instant now, Duration restoreWindow) {
        return isDeleted() && now.isBefore(restoreWindowEndsAt(restoreWindow));
    }

    /** The first instant at which the deleted user can no longer be restored. */
    public Instant restoreWindowEndsAt(Duration restoreWindow) {
        if (!isDeleted()) {
            throw new IllegalStateException("User " + id + " is not deleted");
        }
        return deletedAt.plus(restoreWindow);
    }

    /**
     * Brings a deleted user back, under its own username or a new one, while its restore window is open.
     * @throws IllegalStateException when the user is not deleted or its window has ended
     */
    public void restore(String newUsername, Instant now, Duration restoreWindow) {
        if (!isRestorableAt(now, restoreWindow)) {
            throw new IllegalStateException("User " + id + " cannot be restored any more");
        }
        if (newUsername != null) {
            this.username = newUsername;
        }
        this.deletedAt = null;
        this.deletedBy = null;
        this.updatedAt = now;
    }

    /**
     * Whole days left to restore the deleted user, counting a started day as a day: "1" on the last day, "0" once
     * the window has ended, so the number shown never says a restorable user is out of time.
     */
    public long daysLeftToRestoreAt(Instant now, Duration restoreWindow) {
        return daysLeft(restoreWindowEndsAt(restoreWindow), now);
    }

    /** The same count as {@link #daysLeftToRestoreAt} for a window that ends at {@code windowEndsAt}. */
    public static long daysLeft(Instant windowEndsAt, Instant now) {
        Duration left = Duration.between(now, windowEndsAt);
        if (left.isNegative() || left.isZero()) {
            return 0;
        }
        long days = left.toDays();
        return left.equals(Duration.ofDays(days)) ? days : days + 1;
    }

    /**
     * Users deleted at or before this instant are past their window at {@code now}: the purge's criterion, the
     * mirror image of {@link #isRestorableAt}.
     */
    public static Instant lastExpiredDeletionAt(Instant now, Duration restoreWindow) {
        return now.minus(restoreWindow);
    }

    public boolean isGlobalAdmin() {
        return Arrays.asList(adminRoles).contains(AdminRole.GLOBAL_ADMIN.name());
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public boolean hasAdminRole() {
        return adminRoles.length > 0;
    }

    public Set<AdminRole> getAdminRoles() {
        Set<AdminRole> roles = EnumSet.noneOf(AdminRole.class);
        Arrays.stream(adminRoles).map(AdminRole::valueOf).forEach(roles::add);
        return roles;
    }

    public String getDomain() {
        return username.substring(username.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    public UUID getId() {
        return id;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getUsername() {
        return username;
    }

    public String getUsageLocation() {
        return usageLocation;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isPasswordTemporary() {
        return passwordTemporary;
    }

    public Instant getPasswordExpiresAt() {
        return passwordExpiresAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public String getDeletedBy() {
        return deletedBy;
    }

    public UserDetails getDetails() {
        return new UserDetails(jobTitle, department, officePhone, mobilePhone, alternateEmail);
    }
}

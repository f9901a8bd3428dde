package com.partnerdesk.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

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

    protected DirectoryUser() {
    }

    public static DirectoryUser create(UUID customerId, UserProfile profile, Instant now) {
        DirectoryUser user = new DirectoryUser();
        user.id = UUID.randomUUID();
        user.customerId = customerId;
        user.apply(profile);
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    private void apply(UserProfile profile) {
        this.firstName = profile.firstName();
        this.lastName = profile.lastName();
        this.displayName = profile.displayName();
        this.username = profile.username();
        this.usageLocation = profile.usageLocation();
        this.adminRoles = profile.adminRoles().stream().map(Enum::name).sorted().toArray(String[]::new);
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

    public Instant getLastSignInAt() {
        return lastSignInAt;
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
}

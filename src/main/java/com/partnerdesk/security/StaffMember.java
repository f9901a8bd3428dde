package com.partnerdesk.security;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "staff_member")
public class StaffMember {

    @Id
    private UUID id;

    private UUID partnerId;

    private String username;

    private String displayName;

    private String email;

    @Enumerated(EnumType.STRING)
    private StaffRole role;

    private String passwordHash;

    /** Moved when the member's sessions are ended; see {@link StaffSessions}. */
    private int sessionGeneration;

    private Instant createdAt;

    protected StaffMember() {
    }

    public static StaffMember create(UUID partnerId, String username, String displayName, String email, StaffRole role,
            String passwordHash, Instant now) {
        StaffMember member = new StaffMember();
        member.id = UUID.randomUUID();
        member.partnerId = partnerId;
        member.username = username;
        member.displayName = displayName;
        member.email = email;
        member.role = role;
        member.passwordHash = passwordHash;
        member.createdAt = now;
        return member;
    }

    public UUID getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public StaffRole getRole() {
        return role;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public int getSessionGeneration() {
        return sessionGeneration;
    }
}

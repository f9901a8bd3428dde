package com.partnerdesk.directory;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.partnerdesk.licensing.HeldLicense;

/** One line of the Users and licenses list. */
public record UserListRow(UUID id, String displayName, String username, Set<AdminRole> adminRoles,
        List<HeldLicense> licenses, boolean passwordTemporary, Instant createdAt) {
}

package com.partnerdesk.directory.internal;

import java.util.UUID;

/** A user named in a message or a list, with enough to link to them. */
public record UserReference(UUID id, String displayName, String username) {
}

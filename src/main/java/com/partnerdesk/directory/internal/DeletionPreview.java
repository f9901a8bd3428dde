package com.partnerdesk.directory.internal;

import java.util.List;

import com.partnerdesk.licensing.HeldLicense;

/**
 * What the confirmation page names before users are deleted.
 *
 * @param removesLastGlobalAdmin whether no active Global admin would be left, which needs a second confirmation
 */
public record DeletionPreview(List<UserToDelete> users, boolean removesLastGlobalAdmin) {

    public record UserToDelete(DirectoryUser user, List<HeldLicense> licenses) {
    }
}

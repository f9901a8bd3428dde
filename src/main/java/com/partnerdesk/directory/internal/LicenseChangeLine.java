package com.partnerdesk.directory.internal;

import java.util.List;

/**
 * One user on the "Licenses updated" page.
 *
 * @param added    products the user got
 * @param removed  products the user gave back
 * @param refused  whether the user was to get a license but has no usage location
 */
public record LicenseChangeLine(UserReference user, List<String> added, List<String> removed, boolean refused) {
}

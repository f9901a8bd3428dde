/**
 * The customer users' own pages under {@code /my}: a plain sign-in, the forced change of a temporary password, and
 * "My account". A security context of its own keeps these users away from partner pages and staff away from these.
 */
@ApplicationModule(allowedDependencies = {"audit", "directory", "licensing", "security"})
package com.partnerdesk.portal;

import org.springframework.modulith.ApplicationModule;

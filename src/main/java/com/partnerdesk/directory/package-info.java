/**
 * A customer's user accounts: who they are, which admin roles they hold, how they are found, created, deleted and
 * restored.
 */
@ApplicationModule(allowedDependencies = {"audit", "customer", "handoff", "licensing", "security", "web"})
package com.partnerdesk.directory;

import org.springframework.modulith.ApplicationModule;

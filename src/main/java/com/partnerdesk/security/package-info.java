/**
 * Partner staff: who may sign in, with which agent role, and what each role may do.
 */
@ApplicationModule(allowedDependencies = {"audit", "platform", "web"})
package com.partnerdesk.security;

import org.springframework.modulith.ApplicationModule;

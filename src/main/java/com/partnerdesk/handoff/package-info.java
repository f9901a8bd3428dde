/**
 * Hands temporary passwords to the staff member who issued them, once: an encrypted list that only that staff
 * member's browser can open, shown on a confirmation page, printable, sent by email or downloaded for a few minutes,
 * then deleted.
 */
@ApplicationModule(allowedDependencies = {"audit", "customer", "mail", "platform", "security", "web"})
package com.partnerdesk.handoff;

import org.springframework.modulith.ApplicationModule;

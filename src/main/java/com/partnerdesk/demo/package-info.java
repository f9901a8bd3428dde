/**
 * Demo data for the embedded default: staff to sign in with, customers, subscriptions and users that make the lists
 * feel real. Never seeded on an external database unless asked for.
 */
@ApplicationModule(allowedDependencies = {"platform"})
package com.partnerdesk.demo;

import org.springframework.modulith.ApplicationModule;

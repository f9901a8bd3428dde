/**
 * Turns an uploaded bulk-import CSV file into user rows, leaving what makes a user valid to the directory feature.
 */
@ApplicationModule(allowedDependencies = {"audit", "customer", "directory", "handoff", "licensing", "security", "web"})
package com.partnerdesk.csvimport;

import org.springframework.modulith.ApplicationModule;

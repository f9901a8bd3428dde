/**
 * The product catalogue, customers' subscriptions and their seats, and which user holds which license. The seat
 * counter is kept by the database: triggers move it with the assignment rows, a check refuses overselling, and
 * {@code SeatLedgerConsistency} is the query that shows it holds.
 */
@ApplicationModule(allowedDependencies = {"audit", "customer", "security", "web"})
package com.partnerdesk.licensing;

import org.springframework.modulith.ApplicationModule;

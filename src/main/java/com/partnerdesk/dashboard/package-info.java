/**
 * The partner's landing page: customers, users and seats at a glance.
 */
@ApplicationModule(allowedDependencies = {"customer", "directory", "licensing"})
package com.partnerdesk.dashboard;

import org.springframework.modulith.ApplicationModule;

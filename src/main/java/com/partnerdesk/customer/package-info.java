/**
 * The partner's customers, their verified domains, and the resolution of a customer from a URL.
 */
@ApplicationModule(allowedDependencies = {"audit", "security", "web"})
package com.partnerdesk.customer;

import org.springframework.modulith.ApplicationModule;

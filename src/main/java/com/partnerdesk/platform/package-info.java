/**
 * Infrastructure every feature stands on: the database (embedded PostgreSQL by default), the clock and scheduling.
 */
@ApplicationModule(type = Type.OPEN)
package com.partnerdesk.platform;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.ApplicationModule.Type;

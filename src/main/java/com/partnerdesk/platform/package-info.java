/**
 * Infrastructure every feature stands on: the database (embedded PostgreSQL by default), the clock and scheduling.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.partnerdesk.platform;

/**
 * What every page shares and no feature owns: language, error pages, flash notices. No business rules here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.partnerdesk.web;

/**
 * What every page shares and no feature owns: language, error pages, flash notices. No business rules here.
 */
@ApplicationModule(type = Type.OPEN)
package com.partnerdesk.web;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.ApplicationModule.Type;

package com.partnerdesk.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/** The annotated action may be taken by an Admin agent or a Helpdesk agent (who may face further limits). */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAnyRole('ADMIN_AGENT', 'HELPDESK_AGENT')")
public @interface AdminOrHelpdeskAgent {
}

/**
 * Partner staff: who may sign in, with which agent role, and what each role may do.
 */
package com.partnerdesk.security;

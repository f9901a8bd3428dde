/**
 * The audit trail: every state-changing action records who did it, when, for which customer and with what outcome.
 */
package com.partnerdesk.audit;

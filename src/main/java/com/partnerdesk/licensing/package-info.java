/**
 * The product catalogue, customers' subscriptions and their seats, and which user holds which license. The seat
 * counter is guarded by the database: every change goes through a conditional update judged by its row count.
 */
package com.partnerdesk.licensing;

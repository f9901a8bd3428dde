/**
 * Outgoing mail for the demo: with no SMTP server configured, an in-process SMTP server receives what the application
 * sends and a demo mailbox page shows it. Nothing it receives is written anywhere; it is gone when the JVM stops.
 */
package com.partnerdesk.mail;

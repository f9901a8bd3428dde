/**
 * A customer's user accounts: who they are, which admin roles they hold, how they are found, created, deleted and
 * restored.
 */
package com.partnerdesk.directory;

/**
 * Turns an uploaded bulk-import CSV file into user rows, leaving what makes a user valid to the directory feature.
 */
package com.partnerdesk.csvimport;

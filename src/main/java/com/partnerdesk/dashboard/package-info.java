/**
 * The partner's landing page: customers, users and seats at a glance.
 */
package com.partnerdesk.dashboard;

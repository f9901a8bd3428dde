/**
 * The partner's customers, their verified domains, and the resolution of a customer from a URL.
 */
package com.partnerdesk.customer;

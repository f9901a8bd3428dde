package com.partnerdesk.directory.internal;

/**
 * Admin roles a customer user can hold in the customer's tenant. A user with none can use licenses and services.
 */
public enum AdminRole {
    GLOBAL_ADMIN, USER_ADMIN, LICENSE_ADMIN, HELPDESK_ADMIN, BILLING_ADMIN
}

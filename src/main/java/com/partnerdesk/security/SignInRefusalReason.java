package com.partnerdesk.security;

/** Why a sign-in counted in {@link SignInRefusals} was refused. */
public enum SignInRefusalReason {

    /** A wrong password for a username that names no account. */
    UNKNOWN_USERNAME,

    /** Refused without checking the password: the account had failed too often. */
    ACCOUNT_LOCKED,

    /** Refused without checking the password: the address had failed too often. */
    ADDRESS_LOCKED,

    /** A right password that is not accepted, such as a temporary password used after it expired. */
    NOT_ACCEPTED
}

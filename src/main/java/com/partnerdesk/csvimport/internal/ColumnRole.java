package com.partnerdesk.csvimport.internal;

/** What the reader does with a column of a template. */
enum ColumnRole {
    FIRST_NAME,
    LAST_NAME,
    DISPLAY_NAME,
    EMAIL,
    USAGE_LOCATION,
    LICENSES,
    /** Partner Center fills it in its results file; a value in an upload is ignored with a warning. */
    STATUS_UPDATE,
    /** Not applied: only a notice says so. */
    BLOCK_SIGN_IN,
    /** Never read: PartnerDesk generates temporary passwords. */
    PASSWORD,
    IGNORED;

    /** Whether values in this column never reach PartnerDesk, so the partner is told the column is ignored. */
    boolean isIgnored() {
        return this == BLOCK_SIGN_IN || this == PASSWORD || this == IGNORED;
    }
}

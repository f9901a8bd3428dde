package com.partnerdesk.csvimport.internal;

/**
 * Where in a row a problem is: one of the columns PartnerDesk reads, or the row as a whole. Named the way the
 * preview shows it, in the partner's language ({@code import.column.*}).
 */
public enum ImportColumn {
    ROW, FIRST_NAME, LAST_NAME, DISPLAY_NAME, EMAIL, USAGE_LOCATION, LICENSES, STATUS_UPDATE, BLOCK_SIGN_IN;

    public String messageKey() {
        return "import.column." + name();
    }
}

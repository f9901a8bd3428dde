package com.partnerdesk.directory;

/** The fields of a user account that rules speak about; the web form and the CSV importer map them to their own. */
public enum UserField {
    FIRST_NAME, LAST_NAME, DISPLAY_NAME, USERNAME, USAGE_LOCATION, JOB_TITLE, DEPARTMENT, OFFICE_PHONE, MOBILE_PHONE,
    ALTERNATE_EMAIL
}

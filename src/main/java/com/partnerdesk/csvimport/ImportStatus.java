package com.partnerdesk.csvimport;

/** Where an import stands. Only READY can be created from; READING and CREATING hold the customer's one import slot. */
public enum ImportStatus {
    READING, READY, FILE_REJECTED, CREATING, CREATED, FAILED;

    public boolean isRunning() {
        return this == READING || this == CREATING;
    }
}

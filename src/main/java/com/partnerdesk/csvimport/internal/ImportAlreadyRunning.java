package com.partnerdesk.csvimport.internal;

/** The customer already has an import being read or created; the database allows one at a time. */
public class ImportAlreadyRunning extends RuntimeException {

    public ImportAlreadyRunning() {
        super("Another import is running for this customer");
    }
}

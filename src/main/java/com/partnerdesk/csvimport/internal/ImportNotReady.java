package com.partnerdesk.csvimport.internal;

/** Create was asked of an import that is not a finished preview (already created, still reading, or rejected). */
public class ImportNotReady extends RuntimeException {

    public ImportNotReady() {
        super("The import is not ready to create");
    }
}

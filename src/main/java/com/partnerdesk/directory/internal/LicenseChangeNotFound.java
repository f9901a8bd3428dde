package com.partnerdesk.directory.internal;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No saved license change with that id for that customer. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class LicenseChangeNotFound extends RuntimeException {

    public LicenseChangeNotFound(UUID changeId) {
        super("No license change " + changeId + " for this customer");
    }
}

package com.partnerdesk.csvimport.internal;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such import for this customer and staff member; another customer's or colleague's import answers the same. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ImportNotFound extends RuntimeException {

    public ImportNotFound(UUID batchId) {
        super("No import " + batchId + " for this customer and staff member");
    }
}

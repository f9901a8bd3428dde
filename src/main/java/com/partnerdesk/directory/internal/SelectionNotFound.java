package com.partnerdesk.directory.internal;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such selection for this customer and staff member, or it has expired, or it names users that are not this
 * customer's.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class SelectionNotFound extends RuntimeException {

    public SelectionNotFound(UUID selectionId) {
        super("No selection " + selectionId + " for this customer");
    }
}

package com.partnerdesk.customer.internal;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No customer with that id. Shown as a plain 404, which does not tell whether the id exists.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class CustomerNotFound extends RuntimeException {

    public CustomerNotFound(UUID id) {
        super("No customer " + id);
    }
}

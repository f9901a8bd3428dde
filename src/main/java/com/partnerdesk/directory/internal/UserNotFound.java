package com.partnerdesk.directory.internal;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such user for this customer. Another customer's user id gives the same answer. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UserNotFound extends RuntimeException {

    public UserNotFound(UUID userId) {
        super("No user " + userId + " for this customer");
    }
}

package com.partnerdesk.licensing;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No subscription with that id for that customer (it may exist for another customer: that is not said). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class SubscriptionNotFound extends RuntimeException {

    public SubscriptionNotFound(UUID subscriptionId) {
        super("No subscription " + subscriptionId + " for this customer");
    }
}

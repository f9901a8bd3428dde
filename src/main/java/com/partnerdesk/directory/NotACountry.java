package com.partnerdesk.directory;

/** A usage location that is not an ISO 3166 country code. */
public class NotACountry extends RuntimeException {

    public NotACountry(String code) {
        super("Not an ISO country code: " + code);
    }
}

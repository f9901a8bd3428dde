package com.partnerdesk.licensing.internal;

/** A customer has one subscription per product; more seats are added to it instead. */
public class ProductAlreadySubscribed extends RuntimeException {

    private final String productName;

    public ProductAlreadySubscribed(String productName) {
        super("The customer already subscribes to " + productName);
        this.productName = productName;
    }

    public String getProductName() {
        return productName;
    }
}

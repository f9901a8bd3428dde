package com.partnerdesk.csvimport.internal;

/** The spreadsheet templates whose header rows the reader recognises. */
public enum CsvTemplate {

    PARTNER_CENTER_EN("Partner Center"),
    PARTNER_CENTER_ES("Partner Center"),
    MICROSOFT_365_ADMIN_CENTER("Microsoft 365 admin center"),
    ENTRA_BULK_CREATE("Microsoft Entra bulk create"),
    GOOGLE_WORKSPACE("Google Workspace");

    private final String productName;

    CsvTemplate(String productName) {
        this.productName = productName;
    }

    /** The vendor's product name, which is not translated and so can go into any message as it is. */
    public String productName() {
        return productName;
    }
}

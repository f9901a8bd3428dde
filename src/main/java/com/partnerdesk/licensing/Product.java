package com.partnerdesk.licensing;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A product the partner resells, as reference data. */
@Entity
@Table(name = "product")
public class Product {

    @Id
    private String sku;

    private String name;

    protected Product() {
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }
}

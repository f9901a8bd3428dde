package com.partnerdesk.licensing.internal;

import java.util.List;

import com.partnerdesk.licensing.Product;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProductRepository extends JpaRepository<Product, String> {

    List<Product> findAllByOrderByNameAsc();
}

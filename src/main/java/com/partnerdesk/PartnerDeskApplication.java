package com.partnerdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PartnerDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(PartnerDeskApplication.class, args);
    }
}

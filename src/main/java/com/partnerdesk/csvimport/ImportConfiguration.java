package com.partnerdesk.csvimport;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportSettings.class)
class ImportConfiguration {

    @Bean
    UserCsvReader userCsvReader() {
        return new UserCsvReader();
    }
}

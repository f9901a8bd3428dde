package com.partnerdesk.support;

import com.partnerdesk.PartnerDeskApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second running application on the same database, as a second instance behind the load balancer would be: for
 * tests of what two instances do at the same moment. Started once per JVM, on a free port, and closed at exit.
 */
public final class SecondInstance {

    private static ConfigurableApplicationContext context;

    private SecondInstance() {
    }

    public static synchronized ConfigurableApplicationContext context() {
        if (context == null) {
            // Arguments, not default properties: application.properties' server.port would win over a default.
            context = new SpringApplicationBuilder(PartnerDeskApplication.class)
                .run("--server.port=0", "--management.server.port=0", "--spring.main.banner-mode=off",
                        "--spring.jmx.enabled=false");
            Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        }
        return context;
    }

    public static <T> T bean(Class<T> type) {
        return context().getBean(type);
    }
}

package com.partnerdesk.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * With no {@code spring.mail.host}, starts an SMTP server inside the JVM on a free local port and sends mail there, so
 * the demo can email without a mail server. With a host set, Spring Boot's own mail sender is used and this stays off.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoMailConfiguration.NoMailHost.class)
class DemoMailConfiguration {

    @Bean(destroyMethod = "stop")
    GreenMail demoSmtpServer() {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        return server;
    }

    @Bean
    DemoMailbox demoMailbox(GreenMail demoSmtpServer) {
        return new DemoMailbox(demoSmtpServer);
    }

    @Bean
    JavaMailSenderImpl mailSender(DemoMailbox demoMailbox) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(demoMailbox.smtpPort());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }

    static class NoMailHost implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.mail.host"));
        }
    }
}

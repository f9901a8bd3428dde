package com.partnerdesk.mail.internal;

import java.util.Properties;

import com.partnerdesk.mail.DemoMailbox;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * The application's mail sender: to the SMTP server in {@code spring.mail.*} when a host is set, otherwise to an SMTP
 * server started inside the JVM on a free local port, so the demo can email without a mail server.
 * <p>
 * The choice is made when the beans are created, not by conditions on their definitions: the packaged application is
 * processed ahead of time, which fixes its bean definitions at build time, and {@code SPRING_MAIL_HOST} must still
 * take effect when it runs. That is also why this sender replaces Spring Boot's, which exists only if a host is known
 * at build time; it applies the same {@code spring.mail.*} properties.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailSenderConfiguration {

    /** The in-process server's mailbox, or no bean at all (null) when a real SMTP server is configured. */
    @Bean
    DemoMailbox demoMailbox(MailProperties mail) {
        if (StringUtils.hasText(mail.getHost())) {
            return null;
        }
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        return new DemoMailbox(server);
    }

    @Bean
    JavaMailSenderImpl mailSender(MailProperties mail, ObjectProvider<DemoMailbox> demoMailbox,
            ObjectProvider<SslBundles> sslBundles) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        if (mail.getDefaultEncoding() != null) {
            sender.setDefaultEncoding(mail.getDefaultEncoding().name());
        }
        DemoMailbox demo = demoMailbox.getIfAvailable();
        if (demo != null) {
            sender.setHost("127.0.0.1");
            sender.setPort(demo.smtpPort());
            return sender;
        }
        sender.setHost(mail.getHost());
        if (mail.getPort() != null) {
            sender.setPort(mail.getPort());
        }
        sender.setUsername(mail.getUsername());
        sender.setPassword(mail.getPassword());
        sender.setProtocol(mail.getProtocol());
        sender.setJavaMailProperties(javaMailProperties(mail, sslBundles));
        return sender;
    }

    /** {@code spring.mail.properties.*} and {@code spring.mail.ssl.*}, as Spring Boot applies them. */
    private static Properties javaMailProperties(MailProperties mail, ObjectProvider<SslBundles> sslBundles) {
        Properties properties = new Properties();
        properties.putAll(mail.getProperties());
        String protocol = StringUtils.hasLength(mail.getProtocol()) ? mail.getProtocol() : "smtp";
        MailProperties.Ssl ssl = mail.getSsl();
        if (!ssl.isEnabled() && !StringUtils.hasLength(ssl.getBundle())) {
            return properties;
        }
        if (ssl.isVerifyHostname()) {
            properties.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        if (ssl.isEnabled()) {
            properties.setProperty("mail." + protocol + ".ssl.enable", "true");
        }
        if (StringUtils.hasLength(ssl.getBundle())) {
            properties.put("mail." + protocol + ".ssl.socketFactory",
                    sslBundles.getObject().getBundle(ssl.getBundle()).createSslContext().getSocketFactory());
        }
        return properties;
    }
}

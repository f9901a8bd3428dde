package com.partnerdesk.mail.internal;

import java.util.Arrays;

import com.partnerdesk.mail.DemoMailbox;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail server is chosen when the application starts: the same beans are defined with or without
 * {@code spring.mail.host}, which is what lets a build processed ahead of time still honour {@code SPRING_MAIL_HOST}.
 */
class MailSenderConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withUserConfiguration(MailSenderConfiguration.class);

    @Test
    void withNoMailServerConfiguredMailGoesToTheInProcessServerAndItsDemoMailbox() {
        runner.run(context -> {
            DemoMailbox mailbox = context.getBeanProvider(DemoMailbox.class).getIfAvailable();
            assertThat(mailbox).isNotNull();
            JavaMailSenderImpl sender = context.getBean(JavaMailSenderImpl.class);
            assertThat(sender.getHost()).isEqualTo("127.0.0.1");
            assertThat(sender.getPort()).isEqualTo(mailbox.smtpPort());
        });
    }

    @Test
    void withAMailServerConfiguredMailGoesThereAndThereIsNoDemoMailbox() {
        runner.withPropertyValues("spring.mail.host=smtp.litware.example", "spring.mail.port=2525",
                "spring.mail.username=portal", "spring.mail.password=secret",
                "spring.mail.properties.mail.smtp.starttls.enable=true")
            .run(context -> {
                assertThat(context.getBeanProvider(DemoMailbox.class).getIfAvailable()).isNull();
                JavaMailSenderImpl sender = context.getBean(JavaMailSenderImpl.class);
                assertThat(sender.getHost()).isEqualTo("smtp.litware.example");
                assertThat(sender.getPort()).isEqualTo(2525);
                assertThat(sender.getUsername()).isEqualTo("portal");
                assertThat(sender.getPassword()).isEqualTo("secret");
                assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.starttls.enable", "true");
                assertThat(sender.getDefaultEncoding()).isEqualTo("UTF-8");
            });
    }

    @Test
    void theSameBeansAreDefinedWhetherOrNotAMailServerIsConfigured() {
        String[][] definitions = new String[2][];
        runner.run(context -> definitions[0] = sorted(context.getBeanDefinitionNames()));
        runner.withPropertyValues("spring.mail.host=smtp.litware.example")
            .run(context -> definitions[1] = sorted(context.getBeanDefinitionNames()));
        assertThat(definitions[1]).containsExactly(definitions[0]);
    }

    private static String[] sorted(String[] names) {
        String[] copy = names.clone();
        Arrays.sort(copy);
        return copy;
    }
}

package com.partnerdesk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.partnerdesk.mail.DemoMailbox;
import com.partnerdesk.platform.EmbeddedPostgresLauncher;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.aot.AotDetector;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as the recommended launch runs it: processed ahead of time at build time, so its bean definitions
 * are fixed there, and started with {@code spring.aot.enabled=true} (set for this class by Failsafe, which runs it
 * after {@code process-aot}). The database and the mail server must still be the ones configured when it starts.
 */
class AheadOfTimeProcessedApplicationIT {

    @Test
    void withNothingConfiguredItRunsOnTheEmbeddedDatabaseAndTheDemoMailServer() throws Exception {
        try (ConfigurableApplicationContext application = start()) {
            assertThat(EmbeddedPostgresLauncher.isActive(application.getEnvironment())).isTrue();
            DemoMailbox mailbox = application.getBeanProvider(DemoMailbox.class).getIfAvailable();
            assertThat(mailbox).isNotNull();
            assertThat(application.getBean(JavaMailSenderImpl.class).getPort()).isEqualTo(mailbox.smtpPort());
            assertThat(signInPage(application)).isEqualTo(200);
        }
    }

    @Test
    void itRunsOnTheDatabaseAndMailServerConfiguredWhenItStarts() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start();
                ConfigurableApplicationContext application = start(
                        "spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                        "spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.getSmtp().getPort())) {
            assertThat(EmbeddedPostgresLauncher.isActive(application.getEnvironment())).isFalse();
            assertThat(application.getBean(HikariDataSource.class).getJdbcUrl())
                .isEqualTo(external.getJdbcUrl("postgres", "postgres"));
            assertThat(new JdbcTemplate(external.getPostgresDatabase())
                .queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                .isPositive();
            assertThat(application.getBeanProvider(DemoMailbox.class).getIfAvailable()).isNull();

            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom("partnerdesk@localhost");
            message.setTo("ada@contoso.example");
            message.setSubject("Configured at start-up");
            message.setText("Sent through the configured server.");
            application.getBean(JavaMailSenderImpl.class).send(message);
            assertThat(smtp.getReceivedMessages()).extracting(GreenMailUtil::getBody)
                .containsExactly("Sent through the configured server.");
            assertThat(signInPage(application)).isEqualTo(200);
        }
        finally {
            smtp.stop();
        }
    }

    private static ConfigurableApplicationContext start(String... properties) {
        assertThat(AotDetector.useGeneratedArtifacts()).as("spring.aot.enabled").isTrue();
        // The main class names the initializer that processing generated; here JUnit's launcher runs main.
        return new SpringApplicationBuilder(PartnerDeskApplication.class).main(PartnerDeskApplication.class)
            .properties("server.port=0", "spring.main.banner-mode=off")
            .properties(properties)
            .run();
    }

    private static int signInPage(ConfigurableApplicationContext application) throws Exception {
        String port = application.getEnvironment().getProperty("local.server.port");
        return HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in")).build(),
                    HttpResponse.BodyHandlers.discarding())
            .statusCode();
    }
}

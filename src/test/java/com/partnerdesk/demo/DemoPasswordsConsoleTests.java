package com.partnerdesk.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import com.partnerdesk.PartnerDeskApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The passwords generated for the demo staff are shown once on the console, for the person who started the
 * application, and never handed to the logging system: a log file (or a log collector) would keep them. The log file
 * is a file appender added to the running logging system, which is what {@code logging.file.name} sets up: within a
 * test JVM whose logging another context has already set up, Spring Boot does not set it up again for a new one.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class DemoPasswordsConsoleTests {

    private static final Pattern PRINTED = Pattern.compile("(admin|helpdesk|sales)\\s+password: ([A-Za-z0-9]{16})");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @Test
    void generatedPasswordsReachTheConsoleButNotTheLogFile(CapturedOutput output) throws Exception {
        Path logs = Path.of("target", "demo-console-logs");
        FileSystemUtils.deleteRecursively(logs);
        Path logFile = logs.resolve("partnerdesk.log");

        FileAppender<ILoggingEvent> file = fileLog(logFile);
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(file);
        // The application may set its logging up again, which stops and detaches every appender: the file log is
        // then started and attached again, before anything is printed.
        ApplicationListener<ApplicationPreparedEvent> attachAgain = prepared -> {
            if (!root.isAttached(file)) {
                file.start();
                root.addAppender(file);
            }
        };
        try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(PartnerDeskApplication.class)
            .listeners(attachAgain)
            .run(
                "--spring.datasource.url=" + anEmptyDatabase(),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username", ""),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "--server.port=0", "--management.server.port=0", "--partnerdesk.demo.enabled=true")) {
            List<String> passwords = PRINTED.matcher(output.getOut()).results().map(found -> found.group(2))
                .toList();
            String logged = Files.readString(logFile);

            assertThat(passwords).hasSize(3);
            assertThat(logged).contains("Tomcat started on port", "Demo data seeded");
            assertThat(passwords).allSatisfy(password -> assertThat(logged).doesNotContain(password));
        }
        finally {
            root.detachAppender(file);
            file.stop();
        }
    }

    private static FileAppender<ILoggingEvent> fileLog(Path logFile) {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(logging);
        encoder.setPattern("%d %level %logger %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(logging);
        file.setName("demo-passwords-test");
        file.setFile(logFile.toAbsolutePath().toString());
        file.setEncoder(encoder);
        file.start();
        return file;
    }

    /** A database of its own on the tests' server: the demo seeds its customers into an empty one only. */
    private String anEmptyDatabase() {
        String name = "demo_console_" + ProcessHandle.current().pid();
        jdbc.execute("drop database if exists " + name);
        jdbc.execute("create database " + name);
        Matcher url = Pattern.compile("(jdbc:postgresql://[^/]+/)[^?]*(.*)")
            .matcher(environment.getRequiredProperty("spring.datasource.url"));
        assertThat(url.matches()).isTrue();
        return url.group(1) + name + url.group(2);
    }
}

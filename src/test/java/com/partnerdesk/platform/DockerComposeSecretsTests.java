package com.partnerdesk.platform;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml} carries no password of its own: each one is a required variable
 * ({@code ${NAME:?message}}), for which Docker Compose refuses to start and prints the message when it is unset or
 * empty. No Compose is run here (the build machines have none); the file is read as YAML and every secret's value is
 * checked to be exactly that form, so a placeholder default ({@code ${NAME:-change-me}}) or a literal fails.
 */
class DockerComposeSecretsTests {

    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*:\\?[^}]*[a-z][^}]*}");

    private static final Pattern SECRET = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|_KEY)$");

    @Test
    void everyPasswordIsARequiredVariableWithAMessage() throws Exception {
        Map<String, String> secrets = secretsByServiceAndName();

        assertThat(secrets).containsKeys("postgres/POSTGRES_PASSWORD", "app1/SPRING_DATASOURCE_PASSWORD",
                "app1/PARTNERDESK_ADMIN_PASSWORD", "app1/PARTNERDESK_HELPDESK_PASSWORD",
                "app1/PARTNERDESK_SALES_PASSWORD", "app2/PARTNERDESK_ADMIN_PASSWORD");
        assertThat(secrets).allSatisfy((where, value) -> assertThat(value).as(where).matches(REQUIRED_VARIABLE));
    }

    /** Every service's environment, with the anchors and merge keys (app2 from app1) resolved as Compose does. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> secretsByServiceAndName() throws Exception {
        Map<String, Object> compose;
        try (Reader file = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            compose = new Yaml().load(file);
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) compose.get("services")).forEach((service, definition) -> {
            Object environment = definition.get("environment");
            if (environment instanceof Map<?, ?> variables) {
                variables.forEach((name, value) -> {
                    if (SECRET.matcher(String.valueOf(name)).matches()) {
                        secrets.put(service + "/" + name, String.valueOf(value));
                    }
                });
            }
        });
        return secrets;
    }
}

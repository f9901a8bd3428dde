package com.partnerdesk.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * English and Spanish stay in step, and templates hold no text of their own: every label comes from the bundles.
 */
class I18nBundlesTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** An element's own text: what follows a start tag up to the next tag. */
    private static final Pattern START_TAG_AND_TEXT = Pattern
        .compile("<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>([^<]*)");

    @Test
    void everyKeyExistsInEnglishAndSpanish() throws IOException {
        Set<String> english = load("messages.properties").stringPropertyNames();
        Set<String> spanish = load("messages_es.properties").stringPropertyNames();
        assertThat(difference(english, spanish)).as("keys missing from messages_es.properties").isEmpty();
        assertThat(difference(spanish, english)).as("keys missing from messages.properties").isEmpty();
    }

    @Test
    void spanishLabelsAreTranslated() throws IOException {
        Properties english = load("messages.properties");
        Properties spanish = load("messages_es.properties");
        List<String> untranslated = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            String value = english.getProperty(key);
            if (value.matches(".*[a-z]{4,}.*\\s.*[a-z]{3,}.*") && value.equals(spanish.getProperty(key))) {
                untranslated.add(key);
            }
        }
        assertThat(untranslated).as("sentences left in English in messages_es.properties").isEmpty();
    }

    /**
     * A message with no {0} placeholder is shown exactly as written, so a doubled apostrophe (the MessageFormat escape
     * that messages with placeholders need) would reach the page as two.
     */
    @Test
    void messagesWithoutPlaceholdersHoldNoDoubledApostrophe() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_es.properties")) {
            Properties messages = load(bundle);
            List<String> doubled = messages.stringPropertyNames()
                .stream()
                .filter(key -> !messages.getProperty(key).matches("(?s).*\\{\\d.*")
                        && messages.getProperty(key).contains("''"))
                .sorted()
                .toList();
            assertThat(doubled).as("messages in %s shown with a doubled apostrophe", bundle).isEmpty();
        }
    }

    /** The Activity tab names each action the application records in the admin's language, never by its code. */
    @Test
    void everyRecordedActionHasALabel() throws IOException {
        Pattern auditCall = Pattern.compile("audit\\.record\\w*\\(([^;]*?)\\);", Pattern.DOTALL);
        Pattern actionCode = Pattern.compile("\"([a-z]+\\.[a-z-]+)\"");
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher call = auditCall.matcher(Files.readString(source));
                while (call.find()) {
                    actionCode.matcher(call.group(1)).results().forEach(code -> actions.add(code.group(1)));
                }
            }
        }
        assertThat(actions).as("actions found in audit calls").contains("user.created", "licenses.changed");
        for (String bundle : List.of("messages.properties", "messages_es.properties")) {
            Set<String> keys = load(bundle).stringPropertyNames();
            assertThat(actions.stream().filter(action -> !keys.contains("activity.action." + action)).toList())
                .as("recorded actions without a label in %s", bundle).isEmpty();
        }
    }

    @Test
    void theSeedsSpanishLabelsAreUsed() throws IOException {
        Properties spanish = load("messages_es.properties");
        assertThat(spanish.values()).contains("Panel", "Clientes", "Usuarios y licencias");
    }

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        List<String> literals = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file).replaceAll("(?s)<!--.*?-->", "");
                Matcher matcher = START_TAG_AND_TEXT.matcher(html);
                while (matcher.find()) {
                    String attributes = matcher.group(2);
                    String text = matcher.group(3).strip();
                    boolean replaced = attributes.matches("(?s).*\\b(th:text|th:utext|th:errors|th:replace|th:insert|sec:authentication)=.*");
                    if (!replaced && text.codePoints().anyMatch(Character::isLetter)) {
                        literals.add(TEMPLATES.relativize(file) + ": <" + matcher.group(1) + ">" + text);
                    }
                }
            }
        }
        assertThat(literals).as("text in templates that does not come from the message bundles").isEmpty();
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = I18nBundlesTests.class.getResourceAsStream("/" + name)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}

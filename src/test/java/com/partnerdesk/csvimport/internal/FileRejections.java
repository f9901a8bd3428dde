package com.partnerdesk.csvimport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** What a rejected file must carry so that the page can say why in either language. */
public final class FileRejections {

    private static final Properties ENGLISH = bundle("/messages.properties");

    private static final Properties SPANISH = bundle("/messages_es.properties");

    private FileRejections() {
    }

    /** The rejection names a file-level reason that both bundles can put into words. */
    public static void assertExplained(CsvFileRejected rejection) {
        assertThat(rejection.messageKey()).startsWith("import.file.");
        assertThat(ENGLISH).as("English text for %s", rejection.messageKey()).containsKey(rejection.messageKey());
        assertThat(SPANISH).as("Spanish text for %s", rejection.messageKey()).containsKey(rejection.messageKey());
    }

    private static Properties bundle(String resource) {
        Properties messages = new Properties();
        try (InputStream in = FileRejections.class.getResourceAsStream(resource)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return messages;
    }
}

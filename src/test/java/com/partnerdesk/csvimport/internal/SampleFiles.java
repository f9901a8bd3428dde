package com.partnerdesk.csvimport.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The sample files with {@code contoso.example} replaced by a test customer's own domain (domains are unique across
 * customers, and every test has its own customer). Every other byte stays as it is.
 */
public final class SampleFiles {

    private static final Pattern CONTOSO = Pattern.compile("contoso\\.example", Pattern.CASE_INSENSITIVE);

    private SampleFiles() {
    }

    public static byte[] forDomain(String sample, String domain) {
        byte[] bytes = raw(sample);
        // Single-byte view of UTF-8 and Windows-1252 files keeps every non-ASCII byte exactly as it was.
        Charset charset = sample.contains("utf16le") ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1;
        String text = new String(bytes, charset);
        return CONTOSO.matcher(text).replaceAll(domain).getBytes(charset);
    }

    public static byte[] raw(String sample) {
        try (InputStream in = SampleFiles.class.getResourceAsStream("/csv/" + sample)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample file " + sample);
            }
            return in.readAllBytes();
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}

package com.partnerdesk.csvimport.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decides how an upload's bytes become text. A byte order mark decides; without one, strict UTF-8 if every
 * byte of the file decodes as such, else Windows-1252, the charset Excel writes "CSV" in on western Windows. Not
 * ISO-8859-1: Windows-1252 turns Word's apostrophe 0x92 into U+2019 where ISO-8859-1 makes a control character.
 */
public final class TextEncoding {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final int SCAN_BUFFER_SIZE = 16 * 1024;

    /** The charset chosen and how many leading bytes are its byte order mark, which is not text. */
    record Detected(Charset charset, int byteOrderMarkLength) {
    }

    private TextEncoding() {
    }

    /** Reads the file once when there is no byte order mark, without holding more than a buffer of it. */
    static Detected detect(Path file) throws IOException {
        byte[] start;
        try (InputStream input = Files.newInputStream(file)) {
            start = input.readNBytes(3);
        }
        if (startsWith(start, 0xEF, 0xBB, 0xBF)) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        if (startsWith(start, 0xFF, 0xFE)) {
            return new Detected(StandardCharsets.UTF_16LE, 2);
        }
        if (startsWith(start, 0xFE, 0xFF)) {
            return new Detected(StandardCharsets.UTF_16BE, 2);
        }
        return new Detected(isStrictUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252, 0);
    }

    /** Opens the file's text after its byte order mark. */
    static StrictDecodingReader open(Path file, Detected encoding) throws IOException {
        InputStream input = Files.newInputStream(file);
        try {
            input.skipNBytes(encoding.byteOrderMarkLength());
            return new StrictDecodingReader(input, encoding.charset());
        } catch (IOException | RuntimeException failure) {
            input.close();
            throw failure;
        }
    }

    private static boolean isStrictUtf8(Path file) throws IOException {
        try (StrictDecodingReader text = new StrictDecodingReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            char[] discarded = new char[SCAN_BUFFER_SIZE];
            while (text.read(discarded) != -1) {
                // Only whether decoding gets to the end matters.
            }
            return !text.stoppedAtUndecodableBytes();
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

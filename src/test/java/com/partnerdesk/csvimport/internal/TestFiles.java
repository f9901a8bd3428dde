package com.partnerdesk.csvimport.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small CSV files written by tests, with exactly the bytes a test needs. */
final class TestFiles {

    private static final byte[] UTF_8_BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private TestFiles() {
    }

    static Path write(Path directory, byte[] bytes) {
        try {
            return Files.write(Files.createTempFile(directory, "upload", ".csv"), bytes);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** What Excel writes for "CSV UTF-8". */
    static Path writeUtf8WithByteOrderMark(Path directory, String text) {
        return write(directory, concat(UTF_8_BYTE_ORDER_MARK, text.getBytes(StandardCharsets.UTF_8)));
    }

    static Path writeEncoded(Path directory, String text, Charset charset) {
        return write(directory, text.getBytes(charset));
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] joined = new byte[length];
        int position = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, joined, position, part.length);
            position += part.length;
        }
        return joined;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

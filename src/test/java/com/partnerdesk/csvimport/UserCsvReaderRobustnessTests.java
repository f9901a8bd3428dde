package com.partnerdesk.csvimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever bytes are uploaded, the reader either reads them or rejects the file: no other exception may reach the
 * page. Seeded, so a failure names the seed and input that reproduce it.
 */
class UserCsvReaderRobustnessTests {

    private static final int RANDOM_FILES_PER_SEED = 300;
    private static final int MUTATIONS_PER_SAMPLE_AND_SEED = 60;
    private static final List<String> SAMPLES = List.of("pc-template-style.csv", "m365-template-style.csv",
            "excel-es-semicolon-cp1252.csv", "excel-unicode-utf16le.csv", "entra-bulk-create-style.csv",
            "google-workspace-style.csv", "broken-quote.csv");

    /** Bytes that matter to decoding, delimiters, quoting and headers, so random files reach past the header. */
    private static final List<byte[]> MEANINGFUL_PIECES = List.of(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, new byte[] {(byte) 0xFF, (byte) 0xFE},
            new byte[] {(byte) 0xFE, (byte) 0xFF}, new byte[] {(byte) 0xC3}, new byte[] {(byte) 0x92},
            new byte[] {(byte) 0x81}, new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x9A, (byte) 0x80},
            new byte[] {(byte) 0xC2, (byte) 0xA0}, new byte[] {0}, bytes(","), bytes(";"), bytes("\t"), bytes("\""),
            bytes("\r\n"), bytes("\n"), bytes("\r"), bytes("sep=;\r\n"), bytes("version:v1.0,,\r\n"),
            bytes("First name,Last name,Display name,Email,Status update\r\n"), bytes("Display name;Email\n"),
            bytes("Ana Ruiz"), bytes("ana@contoso.example"), bytes("\"\""), bytes(" "));

    private final UserCsvReader reader = new UserCsvReader();

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(longs = {1L, 20_251_125L, 7_777_777L})
    void readsOrRejectsRandomFiles(long seed) throws IOException {
        Random random = new Random(seed);
        for (int iteration = 0; iteration < RANDOM_FILES_PER_SEED; iteration++) {
            assertReadOrRejected(randomFile(random), seed, iteration);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {3L, 42L, 1_000_003L})
    void readsOrRejectsMutatedSampleFiles(long seed) throws IOException {
        Random random = new Random(seed);
        for (String sample : SAMPLES) {
            byte[] original = Files.readAllBytes(CollectedRead.sample(sample));
            for (int iteration = 0; iteration < MUTATIONS_PER_SAMPLE_AND_SEED; iteration++) {
                assertReadOrRejected(mutate(original, random), seed, iteration);
            }
        }
    }

    private void assertReadOrRejected(byte[] bytes, long seed, int iteration) throws IOException {
        Path file = Files.write(directory.resolve("upload.csv"), bytes);
        List<ParsedUserRow> rows = new ArrayList<>();
        try {
            CsvReadSummary summary = reader.read(file, new CsvLimits(500, 64 * 1024), rows::add);
            assertThat(summary.dataRowCount()).isEqualTo(rows.size());
            assertThat(rows).extracting(ParsedUserRow::row)
                    .allMatch(row -> row > summary.headerRow())
                    .isSorted()
                    .doesNotHaveDuplicates();
        } catch (CsvFileRejected expected) {
            assertThat(expected.messageKey()).startsWith("import.file.");
        } catch (RuntimeException | Error unexpected) {
            fail("Seed %d, iteration %d, bytes %s", seed, iteration, HexFormat.of().formatHex(bytes), unexpected);
        }
    }

    private static byte[] randomFile(Random random) {
        List<byte[]> pieces = new ArrayList<>();
        int pieceCount = random.nextInt(40);
        for (int piece = 0; piece < pieceCount; piece++) {
            if (random.nextInt(3) == 0) {
                byte[] noise = new byte[1 + random.nextInt(8)];
                random.nextBytes(noise);
                pieces.add(noise);
            } else {
                pieces.add(MEANINGFUL_PIECES.get(random.nextInt(MEANINGFUL_PIECES.size())));
            }
        }
        return TestFiles.concat(pieces.toArray(byte[][]::new));
    }

    /** One to four byte-level edits: flip, insert, delete, duplicate a range, or cut the file short. */
    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original;
        int edits = 1 + random.nextInt(4);
        for (int edit = 0; edit < edits && bytes.length > 0; edit++) {
            int at = random.nextInt(bytes.length);
            bytes = switch (random.nextInt(5)) {
                case 0 -> flip(bytes, at, random);
                case 1 -> TestFiles.concat(slice(bytes, 0, at),
                        MEANINGFUL_PIECES.get(random.nextInt(MEANINGFUL_PIECES.size())), slice(bytes, at, bytes.length));
                case 2 -> TestFiles.concat(slice(bytes, 0, at), slice(bytes, Math.min(bytes.length, at + 1 + random.nextInt(20)), bytes.length));
                case 3 -> TestFiles.concat(slice(bytes, 0, at), slice(bytes, at, Math.min(bytes.length, at + 1 + random.nextInt(60))),
                        slice(bytes, at, bytes.length));
                default -> slice(bytes, 0, at);
            };
        }
        return bytes;
    }

    private static byte[] flip(byte[] bytes, int at, Random random) {
        byte[] flipped = bytes.clone();
        flipped[at] = (byte) random.nextInt(256);
        return flipped;
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package com.partnerdesk.csvimport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * A well-formed file in any layout, encoding, delimiter and line ending the reader supports gives back exactly the
 * names that were written, accents, quotes, delimiters and line breaks inside values included.
 */
class UserCsvRoundTripFuzzTests {

    /** Pieces names are made of: letters from many scripts and everything that needs quoting or decoding care. */
    private static final String[] NAME_PIECES = {"Ana", "José", "Muñoz", "Łukasz", "Żółć", "Ayşe", "Ğ", "Weiß", "Æ",
        "ø", "O’Neill", "O'Brien", "-", ".", " ", ",", ";", "\t", "|", "\"", "\"\"", "\n", "\r\n", "=", "+", "@", "#",
        "€", "Ω", "Жанна", "漢字", "😀", "sep=;", "version:v1.0"};

    private static final String[] LINE_ENDINGS = {"\r\n", "\n", "\r"};

    private static final char[] DELIMITERS = {',', ';', '\t'};

    private final UserCsvReader reader = new UserCsvReader();

    @TempDir
    Path directory;

    @FuzzTest(maxDuration = "6s", maxExecutions = 40_000)
    void wellFormedFilesGiveBackTheirNamesExactly(FuzzedDataProvider data) throws IOException {
        Layout layout = data.pickValue(Layout.values());
        Encoding encoding = data.pickValue(Encoding.values());
        boolean declaresDelimiter = data.consumeBoolean();
        char delimiter = declaresDelimiter && data.consumeBoolean() ? '|' : DELIMITERS[data.consumeInt(0, 2)];
        String lineEnd = data.pickValue(LINE_ENDINGS);
        List<User> users = new ArrayList<>();
        int userCount = data.consumeInt(1, 6);
        for (int user = 1; user <= userCount; user++) {
            users.add(new User(name(data, "First"), name(data, "Last"), name(data, "Shown"),
                    "user" + user + "@contoso.example"));
        }

        StringBuilder text = new StringBuilder();
        if (declaresDelimiter) {
            text.append("sep=").append(delimiter).append(lineEnd);
        }
        if (layout == Layout.ENTRA) {
            text.append("version:v1.0").append(String.valueOf(delimiter).repeat(layout.headers.size() - 1)).append(lineEnd);
        }
        text.append(line(layout.headers, delimiter)).append(lineEnd);
        for (User user : users) {
            text.append(line(layout.values(user), delimiter)).append(lineEnd);
        }
        byte[] bytes = encoding.encode(text.toString());
        Charset expectedCharset = encoding.charset;
        if (encoding == Encoding.WINDOWS_1252 && (!encoding.canHold(text.toString()) || decodesAsUtf8(bytes))) {
            // Such text cannot be saved as Windows-1252, or its bytes are also UTF-8, which the reader rightly prefers.
            bytes = Encoding.UTF_8_WITH_BOM.encode(text.toString());
            expectedCharset = StandardCharsets.UTF_8;
        }

        List<ParsedUserRow> rows = new ArrayList<>();
        CsvReadSummary summary = reader.read(Files.write(directory.resolve("users.csv"), bytes), CsvLimits.defaults(),
                rows::add);

        assertThat(summary.template()).isEqualTo(layout.template);
        assertThat(summary.delimiter()).isEqualTo(delimiter);
        assertThat(summary.charset()).isEqualTo(expectedCharset);
        assertThat(rows).extracting(ParsedUserRow::email).containsExactlyElementsOf(users.stream().map(User::email).toList());
        for (int i = 0; i < users.size(); i++) {
            User user = users.get(i);
            ParsedUserRow row = rows.get(i);
            assertThat(row.firstName()).isEqualTo(user.firstName());
            assertThat(row.lastName()).isEqualTo(user.lastName());
            assertThat(row.displayName()).isEqualTo(layout == Layout.GOOGLE
                    ? user.firstName() + " " + user.lastName() : user.displayName());
            assertThat(row.hasStructuralError()).isFalse();
        }
    }

    /** A name as the reader keeps it: never blank at either end, since values are trimmed. */
    private static String name(FuzzedDataProvider data, String fallback) {
        StringBuilder name = new StringBuilder();
        int pieces = data.consumeInt(1, 5);
        for (int piece = 0; piece < pieces; piece++) {
            name.append(data.pickValue(NAME_PIECES));
        }
        String trimmed = FieldText.trim(name.toString());
        return trimmed.isEmpty() ? fallback : trimmed;
    }

    /** Quotes a value the way Excel does: when it holds the delimiter, a quote or a line break. */
    private static String line(List<String> values, char delimiter) {
        List<String> cells = new ArrayList<>(values.size());
        for (String value : values) {
            boolean quoted = value.indexOf(delimiter) >= 0 || value.contains("\"") || value.contains("\n")
                    || value.contains("\r");
            cells.add(quoted ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
        }
        return String.join(String.valueOf(delimiter), cells);
    }

    private static boolean decodesAsUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        }
        catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    private record User(String firstName, String lastName, String displayName, String email) {
    }

    private enum Layout {
        PARTNER_CENTER_EN(CsvTemplate.PARTNER_CENTER_EN,
                List.of("First name", "Last name", "Display name", "Email", "Status update")),
        PARTNER_CENTER_ES(CsvTemplate.PARTNER_CENTER_ES,
                List.of("Nombre", "Apellidos", "Nombre para mostrar", "Correo electrónico", "Actualización de estado")),
        MICROSOFT_365(CsvTemplate.MICROSOFT_365_ADMIN_CENTER, TemplateProfile.MICROSOFT_365_ADMIN_CENTER.columns()
                .stream().map(TemplateColumn::header).toList()),
        ENTRA(CsvTemplate.ENTRA_BULK_CREATE, TemplateProfile.ENTRA_BULK_CREATE.columns().stream()
                .map(TemplateColumn::header).toList()),
        GOOGLE(CsvTemplate.GOOGLE_WORKSPACE, TemplateProfile.GOOGLE_WORKSPACE.columns().stream()
                .map(TemplateColumn::header).toList());

        final CsvTemplate template;

        final List<String> headers;

        Layout(CsvTemplate template, List<String> headers) {
            this.template = template;
            this.headers = headers;
        }

        List<String> values(User user) {
            List<String> values = new ArrayList<>(Collections.nCopies(headers.size(), ""));
            switch (this) {
                case PARTNER_CENTER_EN, PARTNER_CENTER_ES -> {
                    values.set(0, user.firstName());
                    values.set(1, user.lastName());
                    values.set(2, user.displayName());
                    values.set(3, user.email());
                }
                case MICROSOFT_365 -> {
                    values.set(0, user.email());
                    values.set(1, user.firstName());
                    values.set(2, user.lastName());
                    values.set(3, user.displayName());
                }
                case ENTRA -> {
                    values.set(0, user.displayName());
                    values.set(1, user.email());
                    values.set(3, "No");
                    values.set(4, user.firstName());
                    values.set(5, user.lastName());
                }
                case GOOGLE -> {
                    values.set(0, user.firstName());
                    values.set(1, user.lastName());
                    values.set(2, user.email());
                }
            }
            return values;
        }
    }

    private enum Encoding {
        UTF_8_WITH_BOM(StandardCharsets.UTF_8, "\uFEFF"),
        UTF_8(StandardCharsets.UTF_8, ""),
        UTF_16LE(StandardCharsets.UTF_16LE, "\uFEFF"),
        UTF_16BE(StandardCharsets.UTF_16BE, "\uFEFF"),
        WINDOWS_1252(TextEncoding.WINDOWS_1252, "");

        final Charset charset;

        final String byteOrderMark;

        Encoding(Charset charset, String byteOrderMark) {
            this.charset = charset;
            this.byteOrderMark = byteOrderMark;
        }

        byte[] encode(String text) {
            return (byteOrderMark + text).getBytes(charset);
        }

        boolean canHold(String text) {
            return charset.newEncoder().canEncode(text);
        }
    }
}

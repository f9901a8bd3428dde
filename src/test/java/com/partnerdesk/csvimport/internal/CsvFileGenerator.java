package com.partnerdesk.csvimport.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes valid Partner Center import files of any number of users, the way Excel saves "CSV UTF-8": a byte order
 * mark, commas, CRLF. For limit tests and benchmarks, which should not keep large fixtures.
 */
public final class CsvFileGenerator {

    public static final String HEADER = "First name,Last name,Display name,Email,Status update";

    private static final List<String> FIRST_NAMES = List.of("José", "Łukasz", "Ayşe", "Grace", "Björk", "Kenji", "Zoë");
    private static final List<String> LAST_NAMES = List.of("Muñoz", "Żółć", "Yılmaz", "O'Brien", "Guðmundsdóttir", "Sato");

    private CsvFileGenerator() {
    }

    /**
     * Writes {@code userCount} distinct users of the domain {@code contoso.example}; every third display name
     * contains a comma and is quoted, as Excel does.
     */
    public static Path writePartnerCenterFile(Path file, int userCount) throws IOException {
        return writePartnerCenterFile(file, userCount, "contoso.example");
    }

    /** The same users of another domain, so that a test customer with its own verified domain can create them. */
    public static Path writePartnerCenterFile(Path file, int userCount, String domain) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            out.write(HEADER);
            out.write("\r\n");
            for (int user = 1; user <= userCount; user++) {
                String firstName = FIRST_NAMES.get(user % FIRST_NAMES.size());
                String lastName = LAST_NAMES.get(user % LAST_NAMES.size());
                String displayName = user % 3 == 0
                        ? "\"" + lastName + ", " + firstName + "\""
                        : firstName + " " + lastName;
                out.write(firstName + "," + lastName + "," + displayName + ",user" + user + "@" + domain + ",\r\n");
            }
        }
        return file;
    }
}

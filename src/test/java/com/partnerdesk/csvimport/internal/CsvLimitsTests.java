package com.partnerdesk.csvimport.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The row and size limits. */
class CsvLimitsTests {

    private static final CsvLimits FIVE_ROWS = new CsvLimits(5, CsvLimits.DEFAULT_MAX_BYTES);

    @TempDir
    Path directory;

    @Test
    void defaultsTo150000RowsAnd35Megabytes() {
        assertThat(CsvLimits.defaults()).isEqualTo(new CsvLimits(150_000, 35L * 1024 * 1024));
    }

    @Test
    void refusesLimitsThatAreNotPositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CsvLimits(0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new CsvLimits(1, 0));
    }

    @Test
    void acceptsExactlyTheRowLimit() throws IOException {
        Path file = CsvFileGenerator.writePartnerCenterFile(directory.resolve("five.csv"), 5);

        assertThat(CollectedRead.of(file, FIVE_ROWS).summary().dataRowCount()).isEqualTo(5);
    }

    @Test
    void rejectsOneRowMoreThanTheLimitAndStopsReading() throws IOException {
        Path file = CsvFileGenerator.writePartnerCenterFile(directory.resolve("six.csv"), 6);
        List<ParsedUserRow> rowsSeen = new ArrayList<>();

        CsvFileRejected rejection = catchThrowableOfType(CsvFileRejected.class,
                () -> new UserCsvReader().read(file, FIVE_ROWS, rowsSeen::add));

        assertThat(rejection.messageKey()).isEqualTo("import.file.tooManyRows");
        assertThat(rejection.arguments()).containsExactly(5);
        assertThat(rowsSeen).hasSize(5);
    }

    @Test
    void doesNotCountBlankRowsTowardTheLimit() throws IOException {
        Path file = CsvFileGenerator.writePartnerCenterFile(directory.resolve("blank.csv"), 5);
        Files.writeString(file, "\r\n,,,,\r\n  \r\n", StandardOpenOption.APPEND);

        CollectedRead read = CollectedRead.of(file, FIVE_ROWS);

        assertThat(read.summary().dataRowCount()).isEqualTo(5);
        assertThat(read.summary().skippedRowCount()).isEqualTo(3);
    }

    @Test
    void rejectsALargerFileBeforeReadingAnyRow() throws IOException {
        Path file = CsvFileGenerator.writePartnerCenterFile(directory.resolve("large.csv"), 100);
        CsvLimits limits = new CsvLimits(1_000, Files.size(file) - 1);
        List<ParsedUserRow> rowsSeen = new ArrayList<>();

        CsvFileRejected rejection = catchThrowableOfType(CsvFileRejected.class,
                () -> new UserCsvReader().read(file, limits, rowsSeen::add));

        assertThat(rejection.messageKey()).isEqualTo("import.file.tooLarge");
        assertThat(rejection.arguments()).containsExactly(limits.maxBytes() / (1024.0 * 1024.0), 1_000);
        assertThat(rowsSeen).isEmpty();
    }

    @Test
    void generatesValidDistinctUsers() throws IOException {
        Path file = CsvFileGenerator.writePartnerCenterFile(directory.resolve("valid.csv"), 300);

        CollectedRead read = CollectedRead.of(file);

        assertThat(read.rows()).hasSize(300);
        assertThat(ContosoRules.CONTOSO.rejections(read.rows())).isEmpty();
    }
}

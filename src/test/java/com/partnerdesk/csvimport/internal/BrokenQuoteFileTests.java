package com.partnerdesk.csvimport.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** broken-quote.csv: an unterminated quote on row 3 rejects the whole file. */
class BrokenQuoteFileTests {

    @Test
    void rejectsTheFileNamingTheRowWhereTheQuoteOpened() {
        List<ParsedUserRow> rowsSeen = new ArrayList<>();

        CsvFileRejected rejection = catchThrowableOfType(CsvFileRejected.class, () -> new UserCsvReader()
                .read(CollectedRead.sample("broken-quote.csv"), CsvLimits.defaults(), rowsSeen::add));

        assertThat(rejection.messageKey()).isEqualTo("import.file.unterminatedQuote");
        assertThat(rejection.arguments()).containsExactly(3);
        // Row 2 streamed past before the break was found; the contract makes the caller discard it.
        assertThat(rowsSeen).extracting(ParsedUserRow::row).containsExactly(2);
    }
}

package com.partnerdesk.csvimport.internal;

import static com.partnerdesk.csvimport.internal.ImportStatus.CREATED;
import static com.partnerdesk.csvimport.internal.ImportStatus.CREATING;
import static com.partnerdesk.csvimport.internal.ImportStatus.FAILED;
import static com.partnerdesk.csvimport.internal.ImportStatus.FILE_REJECTED;
import static com.partnerdesk.csvimport.internal.ImportStatus.READING;
import static com.partnerdesk.csvimport.internal.ImportStatus.READY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.partnerdesk.csvimport.internal.ImportStatus.IllegalImportTransition;
import com.partnerdesk.csvimport.internal.ImportStatus.Transition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** An import's life: uploaded → reading → ready → creating → created, with the failures in between, and no other move. */
class ImportStatusTests {

    private static final Map<ImportStatus, Set<ImportStatus>> LEGAL = Map.of(
            READING, EnumSet.of(READY, FILE_REJECTED, FAILED),
            READY, EnumSet.of(CREATING),
            CREATING, EnumSet.of(CREATED, READY),
            FILE_REJECTED, EnumSet.noneOf(ImportStatus.class),
            CREATED, EnumSet.noneOf(ImportStatus.class),
            FAILED, EnumSet.noneOf(ImportStatus.class));

    @Test
    void anUploadStartsReading() {
        assertThat(ImportStatus.UPLOADED).isEqualTo(READING);
    }

    @ParameterizedTest
    @EnumSource(ImportStatus.class)
    void movesOnlyWhereTheLifeGoes(ImportStatus from) {
        for (ImportStatus to : ImportStatus.values()) {
            if (LEGAL.get(from).contains(to)) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isTrue();
                assertThat(from.to(to)).isEqualTo(new Transition(from, to));
            }
            else {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isFalse();
                assertThatThrownBy(() -> from.to(to)).as(from + " → " + to)
                    .isInstanceOf(IllegalImportTransition.class)
                    .hasMessage("An import cannot move from " + from + " to " + to);
            }
        }
    }

    @Test
    void finishedImportsNeverMoveAgain() {
        for (ImportStatus finished : EnumSet.of(FILE_REJECTED, CREATED, FAILED)) {
            assertThat(finished.isRunning()).isFalse();
            assertThat(EnumSet.allOf(ImportStatus.class)).noneMatch(finished::canMoveTo);
        }
    }

    @Test
    void anInterruptedCreationReturnsToItsPreviewAndAnInterruptedReadingFails() {
        assertThat(CREATING.interrupted()).isEqualTo(new Transition(CREATING, READY));
        assertThat(READING.interrupted()).isEqualTo(new Transition(READING, FAILED));
    }

    @ParameterizedTest
    @EnumSource(value = ImportStatus.class, names = { "READY", "FILE_REJECTED", "CREATED", "FAILED" })
    void onlyARunningImportCanBeInterrupted(ImportStatus notRunning) {
        assertThatThrownBy(notRunning::interrupted).isInstanceOf(IllegalImportTransition.class)
            .hasMessage("An import " + notRunning + " is not running");
    }

    @Test
    void theRunningStatesAreWrittenAsOneSqlList() {
        assertThat(ImportStatus.RUNNING_SQL).isEqualTo("('READING', 'CREATING')");
    }
}

package com.partnerdesk.csvimport.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where an import stands, and the only moves between: an upload starts READING; a reading ends READY (the preview),
 * FILE_REJECTED or FAILED; a preview moves to CREATING; a creation ends CREATED, or goes back to READY when it failed
 * or its instance stopped. FILE_REJECTED, CREATED and FAILED are final. READING and CREATING hold the customer's one
 * import slot.
 * <p>
 * The statements that store a move take both states from {@link #to}, so a move this type refuses is never written;
 * their where-clause on the old state still decides which of two racing writers makes the move.
 */
public enum ImportStatus {
    READING, READY, FILE_REJECTED, CREATING, CREATED, FAILED;

    /** The state an upload starts in. */
    public static final ImportStatus UPLOADED = READING;

    /**
     * The running states as an SQL list, written into the statements that look for running imports rather than bound,
     * so that PostgreSQL matches them with the partial indexes on running imports.
     */
    public static final String RUNNING_SQL = Arrays.stream(values())
        .filter(ImportStatus::isRunning)
        .map(status -> "'" + status.name() + "'")
        .collect(Collectors.joining(", ", "(", ")"));

    public boolean isRunning() {
        return this == READING || this == CREATING;
    }

    /** Whether an import in this state may move to {@code next}. */
    public boolean canMoveTo(ImportStatus next) {
        return switch (this) {
            case READING -> next == READY || next == FILE_REJECTED || next == FAILED;
            case READY -> next == CREATING;
            case CREATING -> next == CREATED || next == READY;
            case FILE_REJECTED, CREATED, FAILED -> false;
        };
    }

    /**
     * The move to {@code next}, for the statement that stores it.
     * @throws IllegalImportTransition when an import in this state may not move there
     */
    public Transition to(ImportStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalImportTransition(this, next);
        }
        return new Transition(this, next);
    }

    /**
     * Where a running import goes when its instance stopped: a creation back to its preview (its transaction died with
     * its connection), a reading to FAILED (the uploaded file was on that instance).
     * @throws IllegalImportTransition when the import is not running
     */
    public Transition interrupted() {
        return switch (this) {
            case CREATING -> to(READY);
            case READING -> to(FAILED);
            default -> throw new IllegalImportTransition(this, null);
        };
    }

    /** A legal move; {@code from} guards the statement, {@code to} is what it stores. */
    public record Transition(ImportStatus from, ImportStatus to) {
    }

    /** A move the import's life does not have: a defect of the caller, never an admin's doing. */
    public static final class IllegalImportTransition extends IllegalStateException {

        IllegalImportTransition(ImportStatus from, ImportStatus to) {
            super(to == null ? "An import " + from + " is not running"
                    : "An import cannot move from " + from + " to " + to);
        }
    }
}

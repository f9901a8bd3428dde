package com.partnerdesk.platform;

import java.time.Duration;

import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Writes a session's access time back at most once a minute. Spring Session updates the session row on every request
 * only to move its access and expiry time; each update leaves a dead row version behind, so a busy admin's session
 * row and its indexes bloat until autovacuum catches up, and every page pays for reading through them.
 *
 * <p>The update still runs on every request, but changes the row only when something other than the access time
 * changed (the session id after sign-in, the timeout, the principal) or the stored access time is a minute old. An
 * idle session therefore expires up to a minute early, against an eight-hour timeout.
 */
@Component
class SessionAccessTimeWrites implements SessionRepositoryCustomizer<JdbcIndexedSessionRepository> {

    static final Duration RESOLUTION = Duration.ofMinutes(1);

    // Table name placeholder as Spring Session substitutes it; the parameters come in its order.
    private static final String UPDATE_UNLESS_ONLY_RECENTLY_ACCESSED = """
            UPDATE %TABLE_NAME% AS stored
            SET SESSION_ID = given.session_id, LAST_ACCESS_TIME = given.last_access_time,
                MAX_INACTIVE_INTERVAL = given.max_inactive_interval, EXPIRY_TIME = given.expiry_time,
                PRINCIPAL_NAME = given.principal_name
            FROM (SELECT CAST(? AS char(36)) AS session_id, CAST(? AS bigint) AS last_access_time,
                         CAST(? AS int) AS max_inactive_interval, CAST(? AS bigint) AS expiry_time,
                         CAST(? AS varchar(100)) AS principal_name, CAST(? AS char(36)) AS primary_id) AS given
            WHERE stored.PRIMARY_ID = given.primary_id
              AND (stored.SESSION_ID <> given.session_id
                   OR stored.MAX_INACTIVE_INTERVAL <> given.max_inactive_interval
                   OR stored.PRINCIPAL_NAME IS DISTINCT FROM given.principal_name
                   OR stored.LAST_ACCESS_TIME <= given.last_access_time - """ + RESOLUTION.toMillis() + ")";

    @Override
    public void customize(JdbcIndexedSessionRepository sessionRepository) {
        sessionRepository.setUpdateSessionQuery(UPDATE_UNLESS_ONLY_RECENTLY_ACCESSED);
    }
}

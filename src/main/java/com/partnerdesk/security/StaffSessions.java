package com.partnerdesk.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.partnerdesk.audit.AuditTrail;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How long a staff member's sessions stay valid: as long as the stored account still has the role the session was
 * signed in with and its session generation has not moved. Both live in {@code staff_member}, so a role changed or an
 * account removed in the database, or sessions ended by an Admin agent, count on every instance from the next
 * request (see docs/decisions/0013-staff-sessions-and-equal-sign-in-work.md).
 */
@Service
public class StaffSessions {

    private final JdbcTemplate jdbc;

    private final StaffMemberRepository staff;

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    private final AuditTrail audit;

    StaffSessions(JdbcTemplate jdbc, StaffMemberRepository staff,
            FindByIndexNameSessionRepository<? extends Session> sessions, AuditTrail audit) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** Whether a session signed in as {@code signedIn} may go on: one primary-key lookup, made on every request. */
    boolean isCurrent(SignedInStaff signedIn) {
        List<Boolean> current = jdbc.query("select role = ? and session_generation = ? from staff_member where id = ?",
                (rs, row) -> rs.getBoolean(1), signedIn.role().name(), signedIn.sessionGeneration(), signedIn.id());
        return current.size() == 1 && current.get(0);
    }

    /** The partner's staff, by name, for the Admin agents' list. */
    @Transactional(readOnly = true)
    public List<StaffMember> all() {
        return staff.findAllByOrderByDisplayNameAscUsernameAsc();
    }

    /**
     * Ends every session of a staff member: the member's next request, on any instance, goes to the sign-in page. The
     * generation moves first, so that a session a request in flight saves again afterwards is refused all the same;
     * the stored sessions are then deleted, in the same transaction, as the audit entry is written.
     *
     * @return the member's username, or nothing when there is no such member
     */
    @Transactional
    public Optional<String> endSessionsOf(UUID staffId) {
        List<String> ended = jdbc.query("""
                update staff_member set session_generation = session_generation + 1 where id = ? returning username
                """, (rs, row) -> rs.getString(1), staffId);
        if (ended.isEmpty()) {
            return Optional.empty();
        }
        String username = ended.get(0);
        sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
        audit.record(null, "staff.sessions-ended", username, null);
        return Optional.of(username);
    }
}

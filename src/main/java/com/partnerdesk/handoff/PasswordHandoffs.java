package com.partnerdesk.handoff;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.partnerdesk.handoff.internal.HandoffCipher;
import com.partnerdesk.handoff.internal.HandoffPage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores lists of freshly issued temporary passwords for the staff member who issued them, encrypted under a key that
 * only that staff member's browser receives. Any instance can serve a handoff; a database dump reveals nothing.
 * <p>
 * Each page of the confirmation page is shown once. Until the handoff expires (a few minutes, extended while more
 * users are added to it) its Email and Download actions may open it again with the browser's key; then a scheduled job
 * deletes it.
 */
@Service
public class PasswordHandoffs {

    public static final int PAGE_SIZE = 100;

    private final JdbcTemplate jdbc;

    private final Clock clock;

    private final Duration lifetime;

    PasswordHandoffs(JdbcTemplate jdbc, Clock clock,
            @Value("${partnerdesk.handoff.lifetime:15m}") Duration lifetime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /**
     * Stores the list under a new key, in the caller's transaction when there is one, so that users created in it and
     * their handoff are committed together.
     */
    @Transactional
    public OpenedHandoff open(UUID customerId, String staffUsername, List<IssuedCredential> credentials) {
        return open(reserve(customerId), staffUsername, credentials);
    }

    /**
     * A new handoff id and key, with nothing stored yet: for work that finishes after the request that starts it (a
     * large import in the background). The request gives the key to the browser at once ({@link HandoffCookies#handTo}
     * on {@link HandoffCookies#path}); the work keeps it in memory only and stores its list with {@link #open(
     * OpenedHandoff, String, List)} when done. Until then the confirmation page says the passwords are not available.
     */
    public OpenedHandoff reserve(UUID customerId) {
        return new OpenedHandoff(customerId, UUID.randomUUID(), HandoffCipher.newKey());
    }

    /**
     * Stores the list under a {@link #reserve reserved} id and key, in the caller's transaction when there is one.
     * @throws DuplicateKeyException when that id was stored already
     */
    @Transactional
    public OpenedHandoff open(OpenedHandoff reserved, String staffUsername, List<IssuedCredential> credentials) {
        Instant now = clock.instant();
        jdbc.update("""
                insert into password_handoff (customer_id, id, staff_username, sealed, credential_count, created_at,
                    expires_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """, reserved.customerId(), reserved.id(), staffUsername,
                HandoffCipher.seal(reserved.key(), reserved.id(), credentials), credentials.size(),
                Timestamp.from(now), Timestamp.from(now.plus(lifetime)));
        return reserved;
    }

    /**
     * Adds credentials to a handoff that has not been shown yet ("Add another user") and gives it its full lifetime
     * again. A handoff that can take no more is answered, not thrown: the caller's transaction, which has just
     * created the users, must stay committable so that they go into a new handoff instead.
     * @return false, with nothing changed, when it was shown, expired, is someone else's or the key does not open it
     */
    @Transactional
    public boolean append(OpenedHandoff handoff, String staffUsername, List<IssuedCredential> more) {
        Instant now = clock.instant();
        Optional<List<IssuedCredential>> stored = jdbc.query("""
                select sealed from password_handoff
                where customer_id = ? and id = ? and staff_username = ? and expires_at > ? and cardinality(shown_pages) = 0
                for update
                """, (rs, row) -> rs.getBytes(1), handoff.customerId(), handoff.id(), staffUsername,
                Timestamp.from(now)).stream().findFirst()
            .flatMap(sealed -> HandoffCipher.open(handoff.key(), handoff.id(), sealed));
        if (stored.isEmpty()) {
            return false;
        }
        List<IssuedCredential> all = new ArrayList<>(stored.get());
        all.addAll(more);
        jdbc.update("""
                update password_handoff set sealed = ?, credential_count = ?, expires_at = ?
                where customer_id = ? and id = ?
                """, HandoffCipher.seal(handoff.key(), handoff.id(), all), all.size(), Timestamp.from(now.plus(lifetime)),
                handoff.customerId(), handoff.id());
        return true;
    }

    /**
     * One page of the confirmation page. Its passwords come with it the first time only; afterwards the page says they
     * are no longer shown.
     * @throws HandoffNotAvailable when it expired, is someone else's or the key does not open it
     */
    @Transactional
    public HandoffPage show(UUID customerId, UUID handoffId, String key, String staffUsername, int requestedPage) {
        Stored stored = load(customerId, handoffId, staffUsername);
        List<IssuedCredential> all = HandoffCipher.open(key, handoffId, stored.sealed())
            .orElseThrow(HandoffNotAvailable::new);
        int totalPages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(requestedPage, 1), totalPages);
        boolean first = jdbc.update("""
                update password_handoff set shown_pages = array_append(shown_pages, ?)
                where customer_id = ? and id = ? and not (? = any(shown_pages))
                """, page, customerId, handoffId, page) == 1;
        List<IssuedCredential> lines = first
                ? all.subList((page - 1) * PAGE_SIZE, Math.min(page * PAGE_SIZE, all.size())) : List.of();
        return new HandoffPage(lines, first, page, PAGE_SIZE, all.size(), stored.expiresAt());
    }

    /**
     * The whole list, for the confirmation page's own Email and Download actions.
     * @throws HandoffNotAvailable when it expired, is someone else's or the key does not open it
     */
    @Transactional(readOnly = true)
    public List<IssuedCredential> contents(UUID customerId, UUID handoffId, String key, String staffUsername) {
        Stored stored = load(customerId, handoffId, staffUsername);
        return HandoffCipher.open(key, handoffId, stored.sealed()).orElseThrow(HandoffNotAvailable::new);
    }

    /** Until when a handoff can still be opened, if it can. */
    @Transactional(readOnly = true)
    public Optional<Instant> availableUntil(UUID customerId, UUID handoffId, String staffUsername) {
        try {
            return Optional.of(load(customerId, handoffId, staffUsername).expiresAt());
        }
        catch (HandoffNotAvailable gone) {
            return Optional.empty();
        }
    }

    /** Deletes handoffs that expired before {@code now}. */
    @Transactional
    public int deleteExpired(Instant now) {
        return jdbc.update("delete from password_handoff where expires_at <= ?", Timestamp.from(now));
    }

    public Duration lifetime() {
        return lifetime;
    }

    private Stored load(UUID customerId, UUID handoffId, String staffUsername) {
        return jdbc.query("""
                select sealed, expires_at from password_handoff
                where customer_id = ? and id = ? and staff_username = ? and expires_at > ?
                """, (rs, row) -> new Stored(rs.getBytes(1), rs.getTimestamp(2).toInstant()), customerId, handoffId,
                staffUsername, Timestamp.from(clock.instant())).stream().findFirst()
            .orElseThrow(HandoffNotAvailable::new);
    }

    private record Stored(byte[] sealed, Instant expiresAt) {
    }
}

package com.partnerdesk.platform;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions in PostgreSQL, read and written with as few round trips as a page allows. Spring Session's JDBC repository
 * does the work; this store changes two things about it:
 * <ul>
 * <li><b>The access time is written back at most once a minute.</b> The repository would update the session row on
 * every request only to move its access and expiry time: two round trips per page, and a dead row version each time,
 * so an admin's session row and its indexes bloat until autovacuum catches up. A session whose access time is less
 * than {@link #ACCESS_TIME_RESOLUTION} old is left as stored, and a page that changes nothing in it writes nothing. An
 * idle session therefore expires up to a minute early, against an eight-hour timeout.</li>
 * <li><b>Reading a session is one statement, outside a transaction</b>; writing one (a new session, a sign-in, a new
 * CSRF token) is still one transaction, opened here around the repository's statements.</li>
 * <li><b>A request reads its session once.</b> Spring Session's filter saves the session when the response is
 * committed and again when the request ends, and the second time looks it up anew, because the first save cleared the
 * filter's cache: a second read of the same row on every page. Within a request ({@link RequestScope}) a lookup of a
 * session this request has saved is answered with that session; nothing is kept beyond the request.</li>
 * </ul>
 * The sessions of one signed-in principal are found through the repository's principal-name index, so that they can
 * be ended from any instance.
 */
class SessionStore implements FindByIndexNameSessionRepository<SessionStore.StoredSession>, InitializingBean,
        DisposableBean {

    static final Duration ACCESS_TIME_RESOLUTION = Duration.ofMinutes(1);

    private final JdbcIndexedSessionRepository repository;

    /** The same repository, seen through its interface: its own session type is not public. */
    private final FindByIndexNameSessionRepository<Session> sessions;

    private final TransactionOperations writes;

    /** The sessions the current request has saved, by id; absent outside a request. */
    private final ThreadLocal<Map<String, StoredSession>> savedInRequest = new ThreadLocal<>();

    /**
     * @param repository the JDBC repository, whose own transactions only join one that is already open
     * @param writes     transactions for writing a session
     */
    SessionStore(JdbcIndexedSessionRepository repository, TransactionOperations writes) {
        this.repository = repository;
        this.sessions = asSessionRepository(repository);
        this.writes = writes;
    }

    @Override
    public StoredSession createSession() {
        return new StoredSession(this.sessions.createSession());
    }

    @Override
    public void save(StoredSession session) {
        this.writes.executeWithoutResult(status -> this.sessions.save(session.stored));
        Map<String, StoredSession> saved = this.savedInRequest.get();
        if (saved != null) {
            saved.put(session.getId(), session);
        }
    }

    @Override
    public @Nullable StoredSession findById(String id) {
        Map<String, StoredSession> saved = this.savedInRequest.get();
        if (saved != null && saved.containsKey(id)) {
            return saved.get(id);
        }
        Session stored = this.sessions.findById(id);
        return stored == null ? null : new StoredSession(stored);
    }

    @Override
    public void deleteById(String id) {
        Map<String, StoredSession> saved = this.savedInRequest.get();
        if (saved != null) {
            saved.remove(id);
        }
        this.sessions.deleteById(id);
    }

    @Override
    public Map<String, StoredSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, StoredSession> found = new HashMap<>();
        this.sessions.findByIndexNameAndIndexValue(indexName, indexValue)
            .forEach((id, stored) -> found.put(id, new StoredSession(stored)));
        return found;
    }

    /** Runs a request, during which a session it saves is not read back from the database. */
    void withinRequest(RequestWork work) throws IOException, ServletException {
        this.savedInRequest.set(new HashMap<>(2));
        try {
            work.run();
        }
        finally {
            this.savedInRequest.remove();
        }
    }

    @FunctionalInterface
    interface RequestWork {

        void run() throws IOException, ServletException;
    }

    /**
     * The request scope of the store, around Spring Session's filter (ordered just before it). Error and asynchronous
     * dispatches run outside it and read their session from the database.
     */
    static final class RequestScope extends OncePerRequestFilter {

        /** Just before {@link SessionRepositoryFilter}, which saves the session when the request ends. */
        static final int ORDER = SessionRepositoryFilter.DEFAULT_ORDER - 1;

        private final SessionStore store;

        RequestScope(SessionStore store) {
            this.store = store;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            this.store.withinRequest(() -> chain.doFilter(request, response));
        }
    }

    @Override
    public void afterPropertiesSet() {
        this.repository.afterPropertiesSet();
    }

    @Override
    public void destroy() {
        this.repository.destroy();
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static FindByIndexNameSessionRepository<Session> asSessionRepository(
            JdbcIndexedSessionRepository repository) {
        return (FindByIndexNameSessionRepository) repository;
    }

    /** A stored session that takes a new access time only once the stored one is a minute old. */
    static final class StoredSession implements Session {

        private final Session stored;

        StoredSession(Session stored) {
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (!lastAccessedTime.isBefore(this.stored.getLastAccessedTime().plus(ACCESS_TIME_RESOLUTION))) {
                this.stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return this.stored.getId();
        }

        @Override
        public String changeSessionId() {
            return this.stored.changeSessionId();
        }

        @Override
        public <T> @Nullable T getAttribute(String attributeName) {
            return this.stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return this.stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            this.stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            this.stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return this.stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return this.stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            this.stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return this.stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return this.stored.isExpired();
        }
    }
}

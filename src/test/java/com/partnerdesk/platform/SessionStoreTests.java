package com.partnerdesk.platform;

import java.util.Map;

import com.partnerdesk.support.SignIns;
import com.partnerdesk.support.StatementCounter;
import com.partnerdesk.support.TestData;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A signed-in admin's session row in PostgreSQL: a page reads it once, clicking from page to page leaves it alone, the
 * access time is written again once it is a minute old, and the idle timeout keeps counting from it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(StatementCounter.class)
class SessionStoreTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SessionStore store;

    @Test
    void pagesWithinAMinuteDoNotRewriteTheSessionAndAMinuteLaterTheAccessIsRecorded() throws Exception {
        String admin = new TestData(jdbc).staff("ADMIN_AGENT");
        MvcResult signedIn = SignIns.signIn(mvc, admin, TestData.STAFF_PASSWORD, "198.51.100.71");
        Cookie session = signedIn.getResponse().getCookies()[0];

        assertThat(dashboard(session)).isEqualTo(200);
        Map<String, Object> afterFirstPage = row(admin);
        assertThat(dashboard(session)).isEqualTo(200);
        assertThat(dashboard(session)).isEqualTo(200);
        assertThat(row(admin)).as("the session row after two more pages").isEqualTo(afterFirstPage);

        long twoMinutes = 2 * SessionStore.ACCESS_TIME_RESOLUTION.toMillis();
        jdbc.update("""
                update spring_session set last_access_time = last_access_time - ?, expiry_time = expiry_time - ?
                where principal_name = ?""", twoMinutes, twoMinutes, admin);
        long beforeRequest = System.currentTimeMillis();
        assertThat(dashboard(session)).as("still signed in").isEqualTo(200);

        Map<String, Object> recorded = row(admin);
        long accessed = (Long) recorded.get("last_access_time");
        assertThat(accessed).isBetween(beforeRequest, System.currentTimeMillis());
        assertThat((Long) recorded.get("expiry_time"))
            .isEqualTo(accessed + 1000L * (Integer) recorded.get("max_inactive_interval"));
    }

    @Test
    void withinARequestASessionItSavedIsNotReadBackFromTheDatabaseAndAfterTheRequestItIs() throws Exception {
        SessionStore.StoredSession created = store.createSession();
        created.setAttribute("language", "es");
        store.withinRequest(() -> {
            store.save(created);
            // Gone from the database behind the store's back: only a read of the row would notice.
            jdbc.update("delete from spring_session where session_id = ?", created.getId());
            assertThat(store.findById(created.getId())).isSameAs(created);
        });
        assertThat(store.findById(created.getId())).as("after the request").isNull();
    }

    /**
     * Two requests of one browser at once (a page and its script's poll) both read the session before either saved it,
     * and both add the same attribute, such as a first CSRF token: the second save writes its value over the first
     * instead of failing on the attribute's key.
     */
    @Test
    void twoRequestsAddingTheSameAttributeToOneSessionBothSave() {
        SessionStore.StoredSession created = store.createSession();
        store.save(created);
        SessionStore.StoredSession page = store.findById(created.getId());
        SessionStore.StoredSession poll = store.findById(created.getId());

        page.setAttribute("token", "from the page");
        poll.setAttribute("token", "from the poll");
        store.save(page);
        store.save(poll);

        assertThat((String) store.findById(created.getId()).getAttribute("token")).isEqualTo("from the poll");
    }

    @Test
    void aSignedInPageReadsItsSessionRowOnce() throws Exception {
        String admin = new TestData(jdbc).staff("ADMIN_AGENT");
        Cookie session = SignIns.signIn(mvc, admin, TestData.STAFF_PASSWORD, "198.51.100.72").getResponse()
            .getCookies()[0];
        // The first form after signing in stores the session's new CSRF token; the second changes nothing in it.
        assertThat(mvc.perform(get("/customers/new").cookie(session)).andReturn().getResponse().getStatus())
            .isEqualTo(200);
        // The form for a new customer asks the database nothing of its own: what it sends is the session's read and
        // the check that the staff member's account still has the session's role and session generation.
        long statements = StatementCounter.count(() -> {
            try {
                assertThat(mvc.perform(get("/customers/new").cookie(session)).andReturn().getResponse().getStatus())
                    .isEqualTo(200);
            }
            catch (Exception failure) {
                throw new IllegalStateException(failure);
            }
        });
        assertThat(statements).isEqualTo(2);
    }

    private int dashboard(Cookie session) throws Exception {
        return mvc.perform(get("/").cookie(session)).andReturn().getResponse().getStatus();
    }

    /** The row with its physical version: an update that changes nothing still writes a new version. */
    private Map<String, Object> row(String principal) {
        return jdbc.queryForMap("""
                select ctid::text as version, last_access_time, expiry_time, max_inactive_interval
                from spring_session where principal_name = ?""", principal);
    }
}

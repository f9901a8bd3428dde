package com.partnerdesk.security;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.Cookie;

import com.partnerdesk.support.SignIns;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A staff member's session lasts only as long as the account it was opened for: a role changed or an account removed
 * in the database, or sessions ended by an Admin agent, count from the member's next request, not from the end of the
 * eight-hour session. Sessions are stored in PostgreSQL and signed in through the whole filter chain.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaffSessionEndTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StaffSessions staffSessions;

    final String address1 = randomAddress();

    final String address2 = randomAddress();

    final String address3 = randomAddress();

    final String address4 = randomAddress();

    final String address5 = randomAddress();

    final String address6 = randomAddress();

    final String address7 = randomAddress();

    TestData data;

    @BeforeEach
    void setUp() {
        data = new TestData(jdbc);
    }

    @Test
    void aRoleChangedInTheDatabaseCountsFromTheNextRequest() throws Exception {
        String admin = data.staff("ADMIN_AGENT");
        Cookie session = signIn(admin, address1);
        assertThat(visit(session, "/customers/new").getStatus()).isEqualTo(200);

        jdbc.update("update staff_member set role = 'SALES_AGENT' where username = ?", admin);

        assertThat(visit(session, "/customers/new").getRedirectedUrl()).endsWith("/sign-in");
        Cookie again = signIn(admin, address1);
        assertThat(visit(again, "/customers/new").getStatus()).isEqualTo(403);
        assertThat(visit(again, "/customers").getStatus()).isEqualTo(200);
    }

    @Test
    void aStaffMemberRemovedFromTheDatabaseIsSignedOutAtTheNextRequest() throws Exception {
        String helpdesk = data.staff("HELPDESK_AGENT");
        Cookie session = signIn(helpdesk, address2);
        assertThat(visit(session, "/customers").getStatus()).isEqualTo(200);

        jdbc.update("delete from staff_member where username = ?", helpdesk);

        assertThat(visit(session, "/customers").getRedirectedUrl()).endsWith("/sign-in");
        assertThat(mvc.perform(post("/customers/new").cookie(session).with(csrf()).param("companyName", "Removed Ltd"))
            .andReturn().getResponse().getRedirectedUrl()).endsWith("/sign-in");
    }

    @Test
    void anAdminAgentEndsEverySessionOfAnotherStaffMember() throws Exception {
        String helpdesk = data.staff("HELPDESK_AGENT");
        Cookie office = signIn(helpdesk, address3);
        Cookie laptop = signIn(helpdesk, address3);
        String admin = data.staff("ADMIN_AGENT");
        Cookie adminSession = signIn(admin, address4);
        UUID helpdeskId = jdbc.queryForObject("select id from staff_member where username = ?", UUID.class, helpdesk);
        assertThat(storedSessionsOf(helpdesk)).isEqualTo(2);

        String staffPage = mvc.perform(get("/staff").cookie(adminSession)).andReturn().getResponse()
            .getContentAsString();
        assertThat(staffPage).contains(helpdesk, "/staff/" + helpdeskId + "/end-sessions");
        MvcResult ended = mvc.perform(post("/staff/{id}/end-sessions", helpdeskId).cookie(adminSession).with(csrf()))
            .andReturn();

        assertThat(ended.getResponse().getRedirectedUrl()).isEqualTo("/staff");
        assertThat(storedSessionsOf(helpdesk)).isZero();
        assertThat(visit(office, "/customers").getRedirectedUrl()).endsWith("/sign-in");
        assertThat(visit(laptop, "/customers").getRedirectedUrl()).endsWith("/sign-in");
        assertThat(visit(adminSession, "/customers").getStatus()).isEqualTo(200);
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_entry
                where action = 'staff.sessions-ended' and actor = ? and target = ? and customer_id is null
                """, Integer.class, admin, helpdesk)).isEqualTo(1);
        assertThat(visit(signIn(helpdesk, address3), "/customers").getStatus()).isEqualTo(200);
    }

    /**
     * A request of the member that was in flight while the sessions were ended saves its session again when it
     * finishes; here its rows are put back by hand. The moved session generation refuses the session all the same.
     */
    @Test
    void aSessionWrittenBackAfterItWasEndedStaysEnded() throws Exception {
        String helpdesk = data.staff("HELPDESK_AGENT");
        Cookie session = signIn(helpdesk, address7);
        UUID helpdeskId = jdbc.queryForObject("select id from staff_member where username = ?", UUID.class, helpdesk);
        List<Object[]> sessionRows = jdbc.query("select * from spring_session where principal_name = ?",
                (rs, row) -> new Object[] { rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getInt(5), rs.getLong(6), rs.getString(7) }, helpdesk);
        List<Object[]> attributeRows = jdbc.query("""
                select a.session_primary_id, a.attribute_name, a.attribute_bytes from spring_session_attributes a
                join spring_session s on s.primary_id = a.session_primary_id where s.principal_name = ?
                """, (rs, row) -> new Object[] { rs.getString(1), rs.getString(2), rs.getBytes(3) }, helpdesk);

        staffSessions.endSessionsOf(helpdeskId);
        jdbc.batchUpdate("insert into spring_session values (?, ?, ?, ?, ?, ?, ?)", sessionRows);
        jdbc.batchUpdate("insert into spring_session_attributes values (?, ?, ?)", attributeRows);

        assertThat(storedSessionsOf(helpdesk)).isEqualTo(1);
        assertThat(visit(session, "/customers").getRedirectedUrl()).endsWith("/sign-in");
    }

    @Test
    void onlyAnAdminAgentMayEndAnotherMembersSessions() throws Exception {
        String sales = data.staff("SALES_AGENT");
        Cookie salesSession = signIn(sales, address5);
        String helpdesk = data.staff("HELPDESK_AGENT");
        Cookie helpdeskSession = signIn(helpdesk, address5);
        UUID salesId = jdbc.queryForObject("select id from staff_member where username = ?", UUID.class, sales);

        assertThat(mvc.perform(post("/staff/{id}/end-sessions", salesId).cookie(helpdeskSession).with(csrf()))
            .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(visit(salesSession, "/customers").getStatus()).isEqualTo(200);
    }

    @Test
    void anAdminAgentIsToldToSignOutRatherThanEndTheirOwnSessions() throws Exception {
        String admin = data.staff("ADMIN_AGENT");
        Cookie session = signIn(admin, address6);
        UUID adminId = jdbc.queryForObject("select id from staff_member where username = ?", UUID.class, admin);
        assertThat(visit(session, "/staff").getContentAsString()).doesNotContain("/staff/" + adminId + "/end-sessions");

        MvcResult refused = mvc.perform(post("/staff/{id}/end-sessions", adminId).cookie(session).with(csrf()))
            .andReturn();

        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/staff");
        assertThat(visit(session, "/staff").getContentAsString()).contains("To end your own session, sign out.");
        assertThat(storedSessionsOf(admin)).isEqualTo(1);
    }

    private Cookie signIn(String username, String address) throws Exception {
        MvcResult signedIn = SignIns.signIn(mvc, username, TestData.STAFF_PASSWORD, address);
        assertThat(signedIn.getResponse().getRedirectedUrl()).doesNotContain("/sign-in");
        return sessionCookie(signedIn);
    }

    private MockHttpServletResponse visit(Cookie session, String path) throws Exception {
        return mvc.perform(get(path).cookie(session))
            .andReturn().getResponse();
    }

    private int storedSessionsOf(String username) {
        return jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
                username);
    }


    /** The session cookie (named by the server's settings over real HTTP, Spring Session's default under MockMvc). */
    private static Cookie sessionCookie(MvcResult result) {
        return Arrays.stream(result.getResponse().getCookies())
            .filter(cookie -> cookie.getName().endsWith("SESSION"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No session cookie"));
    }

    private static String randomAddress() {
        ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}

package com.partnerdesk.security.web;

import com.partnerdesk.support.Browser;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Staff page in a real browser, in English and Spanish: an Admin agent ends a Helpdesk agent's sessions, and the
 * Helpdesk agent's next page is the sign-in form.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdminAgentEndsAHelpdeskAgentsSessionsInEitherLanguage() throws Exception {
        TestData data = new TestData(jdbc);
        String admin = data.staff("ADMIN_AGENT");
        String helpdesk = data.staff("HELPDESK_AGENT");

        try (Browser helpdeskBrowser = Browser.open(port); Browser adminBrowser = Browser.open(port)) {
            helpdeskBrowser.signIn(helpdesk, TestData.STAFF_PASSWORD).shows("main h1");

            adminBrowser.signIn(admin, TestData.STAFF_PASSWORD).shows("main h1");
            adminBrowser.follow("Staff").shows("main table");
            assertThat(adminBrowser.text()).contains("Test " + helpdesk, "Helpdesk agent", "End sessions");
            adminBrowser.screenshot("staff-1-list");
            adminBrowser.assertAccessible();

            adminBrowser.clickAndLoad("button[aria-label='End the sessions of Test " + helpdesk + "']")
                .shows("main table");
            assertThat(adminBrowser.text()).contains("The sessions of " + helpdesk + " were ended.");
            adminBrowser.screenshot("staff-2-sessions-ended");
            adminBrowser.assertAccessible();

            helpdeskBrowser.reload();
            assertThat(helpdeskBrowser.url()).endsWith("/sign-in");

            adminBrowser.follow("Español").shows("main table");
            assertThat(adminBrowser.text()).contains("Personal", "Agente del departamento de soporte técnico",
                    "Cerrar sesiones");
            adminBrowser.screenshot("staff-3-list-es");
            adminBrowser.assertAccessible();
        }
    }
}

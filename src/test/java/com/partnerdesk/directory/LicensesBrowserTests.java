package com.partnerdesk.directory;

import java.util.UUID;

import com.partnerdesk.support.Browser;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer just bought a license: the admin finds everyone without one, selects them across two pages, assigns it
 * in one save and sees the result, the editor and result in Spanish. Screenshots in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LicensesBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void adminAssignsALicenseToEveryUnlicensedUserAcrossTwoPages() throws Exception {
        TestData data = new TestData(jdbc);
        String admin = data.staff("ADMIN_AGENT");
        TestCustomer customer = data.customer("Licensing Contoso");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 40);
        UUID visio = data.subscription(customer.id(), "VISIOCLIENT", 5);
        UUID licensed = data.user(customer, "Already Licensed", "licensed");
        data.assign(customer.id(), e3, java.util.List.of(licensed));
        for (int i = 1; i <= 30; i++) {
            data.user(customer, String.format("Nuevo %02d", i), "nuevo" + i);
        }

        try (Browser browser = Browser.open(port)) {
            browser.signIn(admin, TestData.STAFF_PASSWORD).shows("main h1");
            browser.get("/customers/" + customer.id() + "/users").shows(".users-table");
            browser.click("details.mt-2 > summary").click("#unlicensed").clickAndLoad("details.mt-2 button[type=submit]");
            assertThat(browser.url()).contains("unlicensed=true");
            // "No license at all" has no counter: the page's script fills in the total once counted.
            browser.waitForText("[data-user-count-text]", "30 users");
            assertThat(browser.text()).doesNotContain("Already Licensed");

            browser.click("[data-select-page]");
            browser.follow("Next");
            assertThat(browser.url()).contains("page=2");
            browser.click("[data-select-page]");
            assertThat(browser.find("[data-selection-count]").getText()).isEqualTo("30 selected");
            browser.clickAndLoad("button[name=action][value=licenses]").shows("[data-tristate]");
            assertThat(browser.text()).contains("Manage licenses", "For 30 selected users");
            assertThat(browser.findAll("[data-choices]")).allSatisfy(group -> assertThat(group.isDisplayed()).isFalse());
            browser.screenshot("licenses-1-editor");
            browser.assertAccessible();

            browser.follow("Español").shows("[data-tristate]");
            assertThat(browser.url()).contains("lang=es");
            assertThat(browser.text()).contains("Administrar licencias", "Para 30 usuarios seleccionados");
            String e3Box = "fieldset[data-label-id='product-" + e3 + "'] [data-tristate]";
            String visioBox = "fieldset[data-label-id='product-" + visio + "'] [data-tristate]";
            browser.click(e3Box);
            assertThat(browser.find(e3Box).isSelected()).isTrue();
            assertThat(browser.find("#impact-" + e3).getText()).isEqualTo("Necesita 30 puestos; 39 libres.");
            browser.click(visioBox);
            assertThat(browser.find("[data-license-save]").isEnabled()).isFalse();
            assertThat(browser.find("[data-save-blocked]").isDisplayed()).isTrue();
            assertThat(browser.find("#impact-" + visio).getText())
                .isEqualTo("Visio Plan 2: se necesitan 30 puestos, hay 5 disponibles.");
            browser.screenshot("licenses-2-over-limit-es");
            browser.assertAccessible();
            browser.click(visioBox);
            assertThat(browser.find("[data-license-save]").isEnabled()).isTrue();

            browser.clickAndLoad("[data-license-save]");
            assertThat(browser.url()).contains("/license-changes/");
            assertThat(browser.find("main h2").getText()).isEqualTo("Licencias actualizadas");
            assertThat(browser.text()).contains("30 usuarios, guardado por " + admin, "Nuevo 01", "Microsoft 365 E3");
            browser.screenshot("licenses-3-updated-es");
            browser.assertAccessible();

            browser.get("/customers/" + customer.id() + "/users?size=50&hasLicense=" + e3).shows(".users-table");
            assertThat(browser.text()).contains("31 usuarios", "Nuevo 30");
            browser.get("/customers/" + customer.id() + "/users?unlicensed=true").shows(".users-table");
            assertThat(browser.text()).doesNotContain("Nuevo 01");
        }
        assertThat(jdbc.queryForObject("select seats_assigned from subscription where id = ?", Integer.class, e3))
            .isEqualTo(31);
    }
}

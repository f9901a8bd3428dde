package com.partnerdesk.csvimport.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import com.partnerdesk.csvimport.internal.SampleFiles;
import com.partnerdesk.security.SignedInStaff;
import com.partnerdesk.security.StaffRole;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Add multiple users through the web: roles, CSRF, size limit, tenancy, preview, create, downloads. */
@SpringBootTest
@AutoConfigureMockMvc
class UserImportWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private final SignedInStaff admin = staff(StaffRole.ADMIN_AGENT);

    private static SignedInStaff staff(StaffRole role) {
        return new SignedInStaff(UUID.randomUUID(), role.name().toLowerCase() + "-" + UUID.randomUUID(), "Test", null,
                role, 0);
    }

    private TestData data() {
        return new TestData(jdbc);
    }

    private String upload(TestCustomer customer, SignedInStaff staff, String sample) throws Exception {
        return upload(customer, staff, sample, SampleFiles.forDomain(sample, customer.domain()));
    }

    private String upload(TestCustomer customer, SignedInStaff staff, String name, byte[] bytes) throws Exception {
        MvcResult result = mvc.perform(multipart("/customers/{c}/users/import", customer.id())
                        .file(new MockMultipartFile("file", name, "text/csv", bytes))
                        .with(csrf()).with(user(staff)))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        return result.getResponse().getRedirectedUrl();
    }

    private String page(String url, SignedInStaff staff) throws Exception {
        return mvc.perform(get(url).with(user(staff))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private int users(TestCustomer customer) {
        return jdbc.queryForObject("select count(*) from customer_user where customer_id = ?", Integer.class,
                customer.id());
    }

    @Test
    void previewShowsCountsRejectedRowsWithColumnAndReasonAndWarnings() throws Exception {
        TestCustomer customer = data().customer("Preview Contoso");
        String preview = upload(customer, admin, "pc-template-style.csv");

        assertThat(preview).matches("/customers/" + customer.id() + "/imports/[0-9a-f-]{36}");
        String html = page(preview, admin);
        assertThat(html).contains("data-count-valid>12<", "data-count-rejected>3<")
                .contains("Enter a display name.")
                .contains("fabrikam.example is not one of this customer&#39;s verified domains.")
                .contains("Enter the username as name@domain.")
                .contains("The Status update value &quot;Created&quot; is ignored")
                .contains("Create 12 users");
        assertThat(users(customer)).isZero();
    }

    @Test
    void createsTheValidRowsThenReportsThemAsExistingOnASecondUpload() throws Exception {
        TestCustomer customer = data().customer("Create Contoso");
        String preview = upload(customer, admin, "excel-es-semicolon-cp1252.csv");

        MvcResult created = mvc.perform(post(preview).param("create", "true").param("usageLocation", "ES")
                        .with(csrf()).with(user(admin)))
                .andExpect(status().is3xxRedirection()).andReturn();
        String confirmation = created.getResponse().getRedirectedUrl();
        assertThat(confirmation).matches("/customers/" + customer.id() + "/handoffs/[0-9a-f-]{36}");
        Cookie key = handoffKey(created, confirmation);
        assertThat(key.isHttpOnly()).isTrue();

        assertThat(users(customer)).isEqualTo(11);
        assertThat(jdbc.queryForList("select display_name from customer_user where customer_id = ?", String.class,
                customer.id())).contains("José Muñoz", "María O\u2019Neill", "Zoë Ællingsen");
        assertThat(jdbc.queryForObject("select count(*) from customer_user where customer_id = ? and usage_location = 'ES'"
                + " and password_temporary and password_hash like '{tmp-sha256}%'", Integer.class, customer.id()))
                .isEqualTo(11);
        assertThat(jdbc.queryForList("select details from audit_entry where customer_id = ? and action = 'users.imported'",
                String.class, customer.id())).singleElement().asString().startsWith("created=11, rejected=1");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where customer_id = ? and action = 'user.created'",
                Integer.class, customer.id())).as("one entry per import, not per user").isZero();

        String passwords = mvc.perform(get(confirmation).cookie(key).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(passwords).contains("Sebastián Gutiérrez", "Print", "Download CSV", "Send email");
        assertThat(passwords.split("class=\"credential-password\"", -1)).hasSize(12);
        assertThat(page(confirmation, admin)).as("without the key").doesNotContain("credential-password");
        assertThat(mvc.perform(get(confirmation).cookie(key).with(user(admin))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).as("shown once")
                .contains("no longer displayed").doesNotContain("credential-password");
        String csv = mvc.perform(get(confirmation + "/download").cookie(key).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines()).hasSize(12);
        assertThat(csv).contains("\"José Muñoz\"");
        assertThat(page(preview, admin)).contains("Show the temporary passwords", confirmation);

        String again = upload(customer, admin, "excel-es-semicolon-cp1252.csv");
        assertThat(page(again, admin)).contains("data-count-valid>0<", "data-count-rejected>12<")
                .contains("already exists for this customer");
        mvc.perform(post(again).param("create", "true").with(csrf()).with(user(admin)))
                .andExpect(status().is3xxRedirection());
        assertThat(users(customer)).isEqualTo(11);
    }

    @Test
    void usageLocationsInLowerCaseAreAcceptedAndStoredUpperCase() throws Exception {
        TestCustomer customer = data().customer("Lower Case Contoso");
        String file = "First name,Last name,Display name,Email,Status update,Usage location\r\n"
                + "Ana,Ruiz,Ana Ruiz,ana@" + customer.domain() + ",,es\r\n"
                + "Luis,Gil,Luis Gil,luis@" + customer.domain() + ",,\r\n";
        String preview = upload(customer, admin, "lower.csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(page(preview, admin)).contains("data-count-valid>2<", "data-count-rejected>0<");

        mvc.perform(post(preview).param("create", "true").param("usageLocation", "pt").with(csrf()).with(user(admin)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForList("select usage_location from customer_user where customer_id = ? order by username",
                String.class, customer.id())).containsExactly("ES", "PT");
    }

    /** The key cookie of the confirmation page: only that page and its actions receive it. */
    private static Cookie handoffKey(MvcResult result, String confirmation) {
        String handoffId = confirmation.substring(confirmation.lastIndexOf('/') + 1);
        assertThat(result.getResponse().getHeaders("Set-Cookie"))
                .anySatisfy(header -> assertThat(header).startsWith("PD-HANDOFF-" + handoffId + "=")
                        .contains("Path=" + confirmation, "HttpOnly", "SameSite=Strict"));
        Cookie key = result.getResponse().getCookie("PD-HANDOFF-" + handoffId);
        assertThat(key).isNotNull();
        return key;
    }

    @Test
    void aNulCharacterInANameRejectsTheRowInsteadOfFailingTheImport() throws Exception {
        TestCustomer customer = data().customer("Nul Contoso");
        String preview = upload(customer, admin, "nul.csv", ("First name,Last name,Display name,Email,Status update\r\n"
                + "Ana,Ru\u0000iz,Ana Ruiz,ana@" + customer.domain() + ",\r\n"
                + "Luis,Gil,Luis Gil,luis@" + customer.domain() + ",\r\n").getBytes(StandardCharsets.UTF_8));

        String page = page(preview, admin);
        assertThat(page).containsPattern("data-count-valid[^>]*>1<").containsPattern("data-count-rejected[^>]*>1<");
        assertThat(jdbc.queryForObject("select last_name from import_row where customer_id = ? and row_number = 2",
                String.class, customer.id())).isEqualTo("Ru\uFFFDiz");
    }

    @Test
    void aNulCharacterInTheHeaderGetsTheFileRejectedWithItsReason() throws Exception {
        TestCustomer customer = data().customer("Nul Header Contoso");
        String page = page(upload(customer, admin, "nul.csv",
                "First name,Last name,Display name,Email,Sta\u0000tus\r\nAna,Ruiz,Ana Ruiz,ana@x.example,\r\n"
                        .getBytes(StandardCharsets.UTF_8)), admin);

        assertThat(page).contains("This file cannot be imported.", "Sta\uFFFDtus");
    }

    @Test
    void onlyAdminAgentsImport() throws Exception {
        TestCustomer customer = data().customer("Roles Contoso");
        for (StaffRole role : new StaffRole[] { StaffRole.HELPDESK_AGENT, StaffRole.SALES_AGENT }) {
            mvc.perform(get("/customers/{c}/users/import", customer.id()).with(user(staff(role))))
                    .andExpect(status().isForbidden());
            mvc.perform(multipart("/customers/{c}/users/import", customer.id())
                            .file(new MockMultipartFile("file", "x.csv", "text/csv",
                                    SampleFiles.forDomain("pc-template-style.csv", customer.domain())))
                            .with(csrf()).with(user(staff(role))))
                    .andExpect(status().isForbidden());
        }
        assertThat(jdbc.queryForObject("select count(*) from import_batch where customer_id = ?", Integer.class,
                customer.id())).isZero();
        assertThat(page("/customers/" + customer.id() + "/users/import", admin)).contains("Add multiple users");
    }

    @Test
    void refusesAnUploadWithoutCsrfToken() throws Exception {
        TestCustomer customer = data().customer("Csrf Contoso");
        mvc.perform(multipart("/customers/{c}/users/import", customer.id())
                        .file(new MockMultipartFile("file", "x.csv", "text/csv",
                                SampleFiles.forDomain("pc-template-style.csv", customer.domain())))
                        .with(user(admin)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from import_batch where customer_id = ?", Integer.class,
                customer.id())).isZero();
    }

    @Test
    void anotherCustomersUrlOrColleagueCannotReadOrCreateThePreview() throws Exception {
        TestCustomer customer = data().customer("Tenant Contoso");
        TestCustomer other = data().customer("Other Tenant");
        String preview = upload(customer, admin, "pc-template-style.csv");
        String batchId = preview.substring(preview.lastIndexOf('/') + 1);

        mvc.perform(get("/customers/{c}/imports/{b}", other.id(), batchId).with(user(admin)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/customers/{c}/imports/{b}/rejected.csv", other.id(), batchId).with(user(admin)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/customers/{c}/imports/{b}", other.id(), batchId).param("create", "true")
                        .with(csrf()).with(user(admin)))
                .andExpect(status().isNotFound());
        SignedInStaff colleague = staff(StaffRole.ADMIN_AGENT);
        mvc.perform(get(preview).with(user(colleague))).andExpect(status().isNotFound());
        mvc.perform(post(preview).param("create", "true").with(csrf()).with(user(colleague)))
                .andExpect(status().isNotFound());

        assertThat(users(customer)).isZero();
        assertThat(users(other)).isZero();
    }

    @Test
    void aFileOverTheSizeLimitGetsAClearMessageNotAnErrorPage() throws Exception {
        TestCustomer customer = data().customer("Large Contoso");
        byte[] tooLarge = new byte[35 * 1024 * 1024 + 1];
        Arrays.fill(tooLarge, (byte) 'a');
        String preview = upload(customer, admin, "huge.csv", tooLarge);

        assertThat(page(preview, admin)).contains("The file is larger than 35 MB. Split it into files of at most 150,000 users.");
        assertThat(page("/customers/" + customer.id() + "/users/import?tooLarge", admin))
                .contains("The file is larger than 35 MB.");
    }

    @Test
    void refusesToCreateMoreSeatsThanAreFreeAndSaysWhy() throws Exception {
        TestCustomer customer = data().customer("Seats Contoso");
        UUID e3 = data().subscription(customer.id(), "SPE_E3", 5);
        String preview = upload(customer, admin, "pc-template-style.csv");

        mvc.perform(post(preview).param("license", e3.toString()).param("usageLocation", "ES").with(csrf())
                .with(user(admin))).andExpect(status().is3xxRedirection());
        String html = page(preview, admin);
        assertThat(html).contains("Not enough seats for Microsoft 365 E3: 12 needed, 5 available.")
                .containsPattern("data-create-users[^>]*disabled");

        mvc.perform(post(preview).param("license", e3.toString()).param("usageLocation", "ES").param("create", "true")
                .with(csrf()).with(user(admin))).andExpect(status().is3xxRedirection());
        assertThat(users(customer)).isZero();
        assertThat(page(preview, admin)).contains("Nothing was created: Microsoft 365 E3 has only 5 seats free");
        assertThat(jdbc.queryForObject("select seats_assigned from subscription where id = ?", Integer.class, e3))
                .isZero();
    }

    @Test
    void aUsernameTakenInAnotherDirectoryIsRejectedOnItsRowWithoutSayingWhose() throws Exception {
        TestCustomer customer = data().customer("Claims Contoso");
        TestCustomer other = data().customer("Claims Elsewhere");
        data().user(other, "Ana Elsewhere", "ana");
        // The other customer's domain came to this one while its user stayed active there, as after a creation that
        // raced the domain's removal.
        jdbc.update("update customer_domain set customer_id = ?, position = 1 where domain = ?", customer.id(),
                other.domain());
        String file = "First name,Last name,Display name,Email,Status update\r\n"
                + "Ana,Ruiz,Ana Ruiz,ANA@" + other.domain() + ",\r\n"
                + "Luis,Gil,Luis Gil,luis@" + other.domain() + ",\r\n";
        String preview = upload(customer, admin, "elsewhere.csv", file.getBytes(StandardCharsets.UTF_8));

        assertThat(page(preview, admin)).contains("data-count-valid>1<", "data-count-rejected>1<")
                .contains("ANA@" + other.domain() + " is taken in another directory.")
                .doesNotContain(other.name());
        mvc.perform(post(preview).param("create", "true").with(csrf()).with(user(admin)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForList("select username from customer_user where customer_id = ?", String.class,
                customer.id())).containsExactly("luis@" + other.domain());
    }

    @Test
    void rowsThatWouldGetLicensesWithoutAUsageLocationAreNamedAndCreateWaitsForOne() throws Exception {
        TestCustomer customer = data().customer("Location Contoso");
        UUID e3 = data().subscription(customer.id(), "SPE_E3", 10);
        String file = "First name,Last name,Display name,Email,Status update,Usage location,Licenses\r\n"
                + "Ana,Ruiz,Ana Ruiz,ana@" + customer.domain() + ",,,Microsoft 365 E3\r\n"
                + "Luis,Gil,Luis Gil,luis@" + customer.domain() + ",,PT,Microsoft 365 E3\r\n"
                + "Eva,Sanz,Eva Sanz,eva@" + customer.domain() + ",,,\r\n";
        String preview = upload(customer, admin, "locations.csv", file.getBytes(StandardCharsets.UTF_8));

        String html = page(preview, admin);
        assertThat(html).contains("data-count-valid>3<", "Microsoft requires a usage location before any license",
                "1 row would get licenses without a usage location").containsPattern("Row \\d+: ana@")
                .doesNotContainPattern("Row \\d+: eva@").containsPattern("data-create-users[^>]*disabled");

        mvc.perform(post(preview).param("create", "true").with(csrf()).with(user(admin)))
                .andExpect(status().is3xxRedirection());
        assertThat(users(customer)).isZero();

        mvc.perform(post(preview).param("license", e3.toString()).with(csrf()).with(user(admin)))
                .andExpect(status().is3xxRedirection());
        assertThat(page(preview, admin)).contains("2 rows would get licenses without a usage location")
                .containsPattern("Row \\d+: eva@");

        mvc.perform(post(preview).param("usageLocation", "ES").param("create", "true").with(csrf()).with(user(admin)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForList("select username || ' ' || usage_location from customer_user where customer_id = ?"
                + " order by username", String.class, customer.id())).containsExactly("ana@" + customer.domain()
                        + " ES", "eva@" + customer.domain() + " ES", "luis@" + customer.domain() + " PT");
        assertThat(jdbc.queryForObject("select seats_assigned from subscription where id = ?", Integer.class, e3))
                .isEqualTo(2);
    }

    @Test
    void rejectsUnknownLicenseNamesAndAssignsKnownOnesBySkuOrName() throws Exception {
        TestCustomer customer = data().customer("Licenses Contoso");
        UUID e3 = data().subscription(customer.id(), "SPE_E3", 10);
        UUID bi = data().subscription(customer.id(), "POWER_BI_PRO", 10);
        String file = "First name,Last name,Display name,Email,Status update,Usage location,Licenses\r\n"
                + "Ana,Ruiz,Ana Ruiz,ana@" + customer.domain() + ",,ES,microsoft 365 e3|power_bi_pro\r\n"
                + "Luis,Gil,Luis Gil,luis@" + customer.domain() + ",,España,\r\n"
                + "Eva,Sanz,Eva Sanz,eva@" + customer.domain() + ",,,Visio Plan 2\r\n";
        String preview = upload(customer, admin, "licenses.csv", file.getBytes(StandardCharsets.UTF_8));

        String html = page(preview, admin);
        assertThat(html).contains("data-count-valid>1<", "data-count-rejected>2<")
                .contains("The customer has no subscription called &quot;Visio Plan 2&quot;")
                .contains("Choose a country as a two-letter ISO code");

        mvc.perform(post(preview).param("create", "true").with(csrf()).with(user(admin)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select seats_assigned from subscription where id = ?", Integer.class, e3))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select seats_assigned from subscription where id = ?", Integer.class, bi))
                .isEqualTo(1);
    }

    @Test
    void rejectedRowsDownloadKeepsTheUploadedLayoutWithTheReasonInStatusUpdate() throws Exception {
        TestCustomer customer = data().customer("Download Contoso");
        String file = "Nombre;Apellidos;Nombre para mostrar;Correo electrónico;Actualización de estado\r\n"
                + "Ana;Ruiz;=HYPERLINK(\"x\");ana@" + customer.domain() + ";\r\n"
                + "Luis;Gil;Luis Gil;luis@fabrikam.example;\r\n"
                + "Eva;Sanz;Eva Sanz;eva@" + customer.domain() + ";\r\n";
        String preview = upload(customer, admin, "es.csv", file.getBytes(StandardCharsets.UTF_8));

        byte[] csv = mvc.perform(get(preview + "/rejected.csv").with(user(admin)).header("Accept-Language", "es"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFNombre;Apellidos;Nombre para mostrar;Correo electrónico;"
                + "Actualización de estado;Ubicación de uso;Licencias\r\n");
        assertThat(text).contains("Ana;Ruiz;\"'=HYPERLINK(\"\"x\"\")\";ana@" + customer.domain()
                + ";Nombre para mostrar: No puede empezar por =")
                .contains("Luis;Gil;Luis Gil;luis@fabrikam.example;Correo electrónico: fabrikam.example no es uno")
                .doesNotContain("Eva");
    }

    @Test
    void templateComesInTheUiLanguage() throws Exception {
        TestCustomer customer = data().customer("Template Contoso");
        byte[] english = mvc.perform(get("/customers/{c}/users/import/template.csv", customer.id()).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        byte[] spanish = mvc.perform(get("/customers/{c}/users/import/template.csv", customer.id())
                        .header("Accept-Language", "es").with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(english, StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFFirst name,Last name,Display name,Email,Status update\r\n");
        assertThat(new String(spanish, StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFNombre;Apellidos;Nombre para mostrar;Correo electrónico;Actualización de estado\r\n");
    }
}

package com.partnerdesk.csvimport.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.partnerdesk.csvimport.internal.SampleFiles;
import com.partnerdesk.security.SignedInStaff;
import com.partnerdesk.security.StaffRole;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Whatever file an admin uploads, the real upload endpoint answers with a redirect to a page that says what happened:
 * a preview, or the reason the file cannot be imported. Never an error page, and never an import that failed for a
 * reason nobody can explain.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UserImportUploadFuzzTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private final SignedInStaff admin = new SignedInStaff(UUID.randomUUID(), "fuzz-admin-" + UUID.randomUUID(), "Test",
            null, StaffRole.ADMIN_AGENT, 0);

    /** One customer for every upload of the run: uploads finish within the request, one after another. */
    private TestCustomer customer;

    @MethodSource("samples")
    @DictionaryFile(resourcePath = "/fuzz/csv.dict")
    @FuzzTest(maxDuration = "8s", maxExecutions = 2_000)
    void anyUploadEndsOnAPageThatSaysWhatHappened(byte[] bytes) throws Exception {
        if (customer == null) {
            customer = new TestData(jdbc).customer("Fuzzed Contoso");
        }
        MockHttpServletResponse upload = mvc.perform(multipart("/customers/{c}/users/import", customer.id())
                        .file(new MockMultipartFile("file", "users.csv", "text/csv", bytes))
                        .with(csrf()).with(user(admin)))
                .andReturn().getResponse();
        assertThat(upload.getStatus()).as("upload answer").isEqualTo(302);
        String page = upload.getRedirectedUrl();
        assertThat(page).startsWith("/customers/" + customer.id() + "/imports/");

        String status = jdbc.queryForObject("select status from import_batch where customer_id = ? and id = ?",
                String.class, customer.id(), UUID.fromString(page.substring(page.lastIndexOf('/') + 1)));
        assertThat(status).as("an upload is read or rejected, never failed").isIn("READY", "FILE_REJECTED");

        MockHttpServletResponse shown = mvc.perform(get(page).with(user(admin))).andReturn().getResponse();
        assertThat(shown.getStatus()).as("import page").isEqualTo(200);
        String html = shown.getContentAsString(StandardCharsets.UTF_8);
        if (status.equals("READY")) {
            assertThat(html).contains("data-count-valid", "data-count-rejected");
        }
        else {
            assertThat(html).contains("This file cannot be imported.").doesNotContain("??import.");
        }
    }

    static Stream<Arguments> samples() {
        return Stream.of("pc-template-style.csv", "excel-es-semicolon-cp1252.csv", "excel-unicode-utf16le.csv",
                "entra-bulk-create-style.csv", "google-workspace-style.csv", "broken-quote.csv")
                .map(sample -> Arguments.of(Named.of(sample, SampleFiles.raw(sample))));
    }
}

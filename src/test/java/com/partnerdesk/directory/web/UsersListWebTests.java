package com.partnerdesk.directory.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.partnerdesk.directory.internal.UserDeletion;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * The Users and licenses list as an admin uses it: each "Filter users by…" criterion alone and combined, the chips
 * that remove them, sorting, page sizes, paging without gaps or overlaps, and links that were tampered with.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UsersListWebTests {

    private static final Pattern USERNAME_CELL = Pattern.compile("<td>([a-z0-9.]+@[a-z0-9.-]+)</td>");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    TestData data;

    TestCustomer customer;

    String secondDomain;

    UUID e3;

    UUID teams;

    UUID powerBi;

    UUID bruno;

    @Autowired
    UserDeletion deletion;

    @BeforeEach
    void fourUsersWithLicensesRolesAndTwoDomains() {
        data = new TestData(jdbc);
        customer = data.customer("Filtering Contoso");
        secondDomain = "eu." + customer.domain();
        jdbc.update("insert into customer_domain (customer_id, domain, position) values (?, ?, 1)", customer.id(),
                secondDomain);
        e3 = data.subscription(customer.id(), "SPE_E3", 10);
        teams = data.subscription(customer.id(), "TEAMS_ESSENTIALS", 10);
        powerBi = data.subscription(customer.id(), "POWER_BI_PRO", 10);
        UUID ada = data.user(customer, "Ada Lovelace", "ada", "GLOBAL_ADMIN");
        bruno = userInDomain("Bruno Díaz", "bruno", secondDomain);
        data.user(customer, "Carmen Ruiz", "carmen");
        UUID dmitri = data.user(customer, "Dmitri Novak", "dmitri", "USER_ADMIN");
        data.assign(customer.id(), e3, List.of(ada, bruno));
        data.assign(customer.id(), teams, List.of(ada, dmitri));
        data.assign(customer.id(), powerBi, List.of(ada));
    }

    @Test
    void listsEveryActiveUserByDisplayNameWithTheirLicensesAndRoles() throws Exception {
        String page = page("");
        assertThat(usernames(page)).containsExactly("ada@" + customer.domain(), "bruno@" + secondDomain,
                "carmen@" + customer.domain(), "dmitri@" + customer.domain());
        assertThat(page).contains("4 users", "Global admin", "User admin", "Can use licenses and services",
                "Unlicensed");
    }

    @Test
    void showsAtMostTwoLicenseBadgesAndCountsTheRest() throws Exception {
        String page = page("?q=ada");
        assertThat(page).contains("Microsoft 365 E3", "Microsoft Teams Essentials", "+1");
        assertThat(page).containsPattern("title=\"Power BI Pro\"");
    }

    @Test
    void filtersUsersHoldingALicense() throws Exception {
        assertThat(usernames(page("?hasLicense=" + e3))).containsExactly("ada@" + customer.domain(),
                "bruno@" + secondDomain);
    }

    @Test
    void filtersUsersLackingALicense() throws Exception {
        assertThat(usernames(page("?lacksLicense=" + e3))).containsExactly("carmen@" + customer.domain(),
                "dmitri@" + customer.domain());
    }

    @Test
    void aLicenseFilterCountsItsHoldersAndNoLongerCountsADeletedOne() throws Exception {
        assertThat(page("?hasLicense=" + e3)).contains(">2 users<");
        assertThat(page("?lacksLicense=" + e3)).contains(">2 users<");

        deletion.delete(customer.id(), List.of(bruno), false, "admin");

        assertThat(page("?hasLicense=" + e3)).contains(">1 user<");
        assertThat(page("?lacksLicense=" + e3)).contains(">2 users<");
        assertThat(page("?hasLicense=" + teams)).contains(">2 users<");
    }

    @Test
    void filtersUsersWithoutAnyLicense() throws Exception {
        assertThat(usernames(page("?unlicensed=true"))).containsExactly("carmen@" + customer.domain());
    }

    @Test
    void filtersUsersByAdminRole() throws Exception {
        assertThat(usernames(page("?role=USER_ADMIN"))).containsExactly("dmitri@" + customer.domain());
    }

    @Test
    void filtersUsersByDomain() throws Exception {
        assertThat(usernames(page("?domain=" + secondDomain))).containsExactly("bruno@" + secondDomain);
        assertThat(usernames(page("?domain=" + customer.domain()))).hasSize(3).doesNotContain("bruno@" + secondDomain);
    }

    @Test
    void combinesFiltersWithAnd() throws Exception {
        assertThat(usernames(page("?hasLicense=" + e3 + "&domain=" + customer.domain())))
            .containsExactly("ada@" + customer.domain());
        assertThat(usernames(page("?hasLicense=" + e3 + "&lacksLicense=" + teams)))
            .containsExactly("bruno@" + secondDomain);
        assertThat(usernames(page("?lacksLicense=" + powerBi + "&role=USER_ADMIN&q=novak")))
            .containsExactly("dmitri@" + customer.domain());
        assertThat(page("?unlicensed=true&role=GLOBAL_ADMIN")).contains("No users match these filters.");
    }

    @Test
    void showsEachActiveFilterAsAChipThatRemovesOnlyThatFilter() throws Exception {
        String page = page("?hasLicense=" + e3 + "&role=GLOBAL_ADMIN&sort=USERNAME");
        assertThat(page).contains("Active filters:", "Has license: Microsoft 365 E3", "Role: Global admin");
        assertThat(page).contains("href=\"/customers/" + customer.id() + "/users?role=GLOBAL_ADMIN&amp;sort=USERNAME\"");
        assertThat(page).contains("href=\"/customers/" + customer.id() + "/users?hasLicense=" + e3 + "&amp;sort=USERNAME\"");
        assertThat(page("")).doesNotContain("Active filters:");
    }

    @Test
    void sortsByUsernameAndCreatedInBothDirections() throws Exception {
        assertThat(usernames(page("?sort=USERNAME_DESC"))).containsExactly("dmitri@" + customer.domain(),
                "carmen@" + customer.domain(), "bruno@" + secondDomain, "ada@" + customer.domain());
        jdbc.update("update customer_user set created_at = now() - interval '1 day' where customer_id = ? and username like 'carmen@%'",
                customer.id());
        assertThat(usernames(page("?sort=CREATED")).get(0)).isEqualTo("carmen@" + customer.domain());
        assertThat(usernames(page("?sort=CREATED_DESC")).get(3)).isEqualTo("carmen@" + customer.domain());
        assertThat(page("?sort=USERNAME")).contains("aria-sort=\"ascending\"");
    }

    @Test
    void unknownSortFallsBackToDisplayName() throws Exception {
        assertThat(usernames(page("?sort=password_hash%20desc;drop%20table%20customer_user")))
            .containsExactly(usernames(page("")).toArray(String[]::new));
    }

    @Test
    void pagesWithoutGapsOrOverlapsFromBothEnds() throws Exception {
        TestCustomer many = data.customer("Paging Contoso");
        for (int i = 1; i <= 60; i++) {
            data.user(many, "User %02d".formatted(i), "u%02d".formatted(i));
        }
        for (String sort : List.of("DISPLAY_NAME", "USERNAME_DESC", "CREATED")) {
            List<String> all = usernames(page(many, "?size=100&sort=" + sort));
            assertThat(all).hasSize(60);
            for (int size : List.of(25, 50)) {
                List<String> paged = new ArrayList<>();
                for (int number = 1; number <= (60 + size - 1) / size; number++) {
                    paged.addAll(usernames(page(many, "?sort=%s&size=%d&page=%d".formatted(sort, size, number))));
                }
                assertThat(paged).as("sort %s, %d per page", sort, size).isEqualTo(all);
            }
        }
    }

    @Test
    void nextAndPreviousLinksWalkEveryUserOnceInEveryOrderWithAndWithoutAKeptTotal() throws Exception {
        TestCustomer many = data.customer("Walking Contoso");
        for (int i = 1; i <= 70; i++) {
            data.user(many, "User %02d".formatted(i), "u%02d".formatted(i), i % 3 == 0 ? "" : "GLOBAL_ADMIN");
        }
        // "q=user" matches everyone: its first pages fill from the sort index, its last from the collected matches.
        for (String query : List.of("?size=25", "?size=25&sort=USERNAME_DESC", "?size=25&sort=CREATED&role=GLOBAL_ADMIN",
                "?size=25&q=user", "?size=25&sort=CREATED_DESC&q=USER")) {
            List<String> all = usernames(page(many, query.replace("size=25", "size=100")));
            List<String> forwards = new ArrayList<>();
            String next = "/customers/" + many.id() + "/users" + query;
            String html;
            int pages = 0;
            do {
                html = follow(next);
                forwards.addAll(usernames(html));
                pages++;
                assertThat(html).as(next).contains("<span class=\"page-link\">" + pages + "</span>");
                next = link(html, "next");
            }
            while (!isDisabled(html, "next"));
            assertThat(forwards).as(query).isEqualTo(all);

            List<String> backwards = new ArrayList<>(usernames(html));
            while (!isDisabled(html, "prev")) {
                html = follow(link(html, "prev"));
                backwards.addAll(0, usernames(html));
            }
            assertThat(backwards).as(query).isEqualTo(all);
            assertThat(link(html, "next")).contains("page=2&after=");
        }
    }

    @Test
    void aFilterWithoutAKeptTotalIsShownAtOnceAndCountedByARequestOfItsOwn() throws Exception {
        String page = page("?role=GLOBAL_ADMIN");
        assertThat(page).contains("Counting users…")
            .contains("data-user-count-url=\"/customers/" + customer.id() + "/users/count?role=GLOBAL_ADMIN\"");
        assertThat(page("?hasLicense=" + e3)).doesNotContain("data-user-count-url").doesNotContain("Counting users");

        mvc.perform(signedIn(get("/customers/" + customer.id() + "/users/count?unlicensed=true")))
            .andExpect(jsonPath("$.total").value(1))
            .andExpect(jsonPath("$.count").value("1 user"))
            .andExpect(jsonPath("$.lastPage").value(1));
        mvc.perform(signedIn(get("/customers/" + customer.id() + "/users/count?domain=" + customer.domain()))
                .header("Accept-Language", "es"))
            .andExpect(jsonPath("$.count").value("3 usuarios"))
            .andExpect(jsonPath("$.summary").value("Página 1 de 1 (3 en total)"))
            .andExpect(jsonPath("$.selectAllMatching").value("Seleccionar los 3 usuarios que coinciden"));
    }

    @Test
    void theLastPageOfAListWithoutAKeptTotalShowsItsLastUsers() throws Exception {
        TestCustomer many = data.customer("Last Contoso");
        for (int i = 1; i <= 30; i++) {
            data.user(many, "User %02d".formatted(i), "u%02d".formatted(i), "GLOBAL_ADMIN");
        }
        String last = page(many, "?role=GLOBAL_ADMIN&page=2&last=true");
        assertThat(usernames(last)).hasSize(25).endsWith("u30@" + many.domain());
        assertThat(isDisabled(last, "next")).isTrue();
        assertThat(page(many, "?role=GLOBAL_ADMIN&page=9")).contains("Page 2 of 2");
    }

    @Test
    void anAnchorThatIsNotThisCustomersFallsBackToThePageNumber() throws Exception {
        TestCustomer many = data.customer("Anchored Contoso");
        for (int i = 1; i <= 30; i++) {
            data.user(many, "User %02d".formatted(i), "u%02d".formatted(i));
        }
        TestCustomer other = data.customer("Anchor Contoso");
        UUID olga = data.user(other, "Olga Other", "olga");
        assertThat(usernames(page(many, "?page=2&after=" + olga))).isEqualTo(usernames(page(many, "?page=2")))
            .hasSize(5);
        assertThat(page(many, "?page=2&before=" + olga)).doesNotContain("Olga").contains("Page 2 of 2");
        assertThat(status("?page=2&after=not-an-id")).isEqualTo(400);
    }

    @Test
    void theLanguageSwitchShowsTheSamePageOfTheSameList() throws Exception {
        TestCustomer many = data.customer("Bilingual Contoso");
        for (int i = 1; i <= 30; i++) {
            data.user(many, "User %02d".formatted(i), "u%02d".formatted(i));
        }
        String second = follow(link(page(many, "?sort=USERNAME"), "next"));
        Matcher switchToSpanish = Pattern.compile("href=\"([^\"]+)\" lang=\"es\" hreflang=\"es\"").matcher(second);
        assertThat(switchToSpanish.find()).isTrue();
        String spanish = follow(switchToSpanish.group(1).replace("&amp;", "&"));

        assertThat(spanish).contains("Página 2 de 2");
        assertThat(usernames(spanish)).isEqualTo(usernames(second)).hasSize(5);
    }

    @Test
    void offersPageSizesAndKeepsTheChosenOneInTheUrl() throws Exception {
        String page = page("?size=50&role=GLOBAL_ADMIN");
        assertThat(page).contains("Users per page:");
        assertThat(page).contains("href=\"/customers/" + customer.id() + "/users?role=GLOBAL_ADMIN&amp;size=100\"")
            .doesNotContain("role=GLOBAL_ADMIN&amp;size=50\"");
        assertThat(page).contains("name=\"size\" value=\"50\"");
    }

    @Test
    void pageNumbersPastTheEndShowTheLastPage() throws Exception {
        TestCustomer many = data.customer("Deep Contoso");
        for (int i = 1; i <= 30; i++) {
            data.user(many, "User %02d".formatted(i), "u%02d".formatted(i));
        }
        String page = page(many, "?page=999999999");
        assertThat(usernames(page)).hasSize(5).startsWith("u26@" + many.domain());
        assertThat(page).contains("Page 2 of 2");
    }

    @Test
    void tamperedParametersNeverFail() throws Exception {
        assertThat(status("?page=-5&size=-1")).isEqualTo(200);
        assertThat(status("?size=100000")).isEqualTo(200);
        assertThat(usernames(page("?size=3"))).hasSize(4);
        MvcResult oversized = mvc.perform(signedIn(get(URI.create("/customers/" + customer.id() + "/users?role=GLOBAL_ADMIN&q="
                + "x".repeat(5_000))))).andReturn();
        assertThat(oversized.getResponse().getRedirectedUrl())
            .isEqualTo("/customers/" + customer.id() + "/users?role=GLOBAL_ADMIN&q=" + "x".repeat(100));
        assertThat(status("?domain=" + "%25".repeat(50))).isEqualTo(200);
        assertThat(status("?unlicensed=perhaps")).isEqualTo(400);
        assertThat(status("?hasLicense=not-an-id")).isEqualTo(400);
        assertThat(status("?role=KING")).isEqualTo(400);
        assertThat(status("?page=abc")).isEqualTo(400);
    }

    @Test
    void aDomainNoVerifiedDomainCouldBeFindsNobodyAndADomainInCapitalsFindsItsUsers() throws Exception {
        assertThat(page("?domain=" + customer.domain() + "%27%20or%20%271%27=%271"))
            .contains("No users match these filters.");
        assertThat(page("?domain=%27")).contains("No users match these filters.");
        assertThat(usernames(page("?domain=" + secondDomain.toUpperCase(Locale.ROOT))))
            .containsExactly("bruno@" + secondDomain);
    }

    @Test
    void anotherCustomersLicenseFindsNobody() throws Exception {
        TestCustomer other = data.customer("Other Contoso");
        UUID othersE3 = data.subscription(other.id(), "SPE_E3", 5);
        data.assign(other.id(), othersE3, List.of(data.user(other, "Olga Other", "olga")));
        String page = page("?hasLicense=" + othersE3);
        assertThat(page).contains("No users match these filters.").doesNotContain("Olga");
        assertThat(usernames(page("?lacksLicense=" + othersE3))).hasSize(4);
    }

    @Test
    void searchIsTrimmedAndWildcardsAreLiteral() throws Exception {
        assertThat(page("?q=" + "a".repeat(100))).contains("No users match these filters.");
        assertThat(usernames(page("?q=%20%20LOVELACE%20"))).containsExactly("ada@" + customer.domain());
        assertThat(usernames(page("?q=%25"))).isEmpty();
    }

    @Test
    void aSearchFindsUsersBeyondWhereItStopsWalkingTheSortIndex() throws Exception {
        TestCustomer large = data.customer("Searching Contoso");
        jdbc.update("""
                insert into customer_user (customer_id, id, first_name, last_name, display_name, username,
                                           usage_location, admin_roles, created_at, updated_at)
                select ?, gen_random_uuid(), 'Filler', n::text, 'Filler ' || lpad(n::text, 5, '0'),
                       'filler' || n || '@' || ?, 'ES', '{}', now(), now()
                from generate_series(1, 4100) n
                """, large.id(), large.domain());
        data.user(large, "Zoe Novak", "zoe");
        data.user(large, "Yann Novak", "yann");

        assertThat(usernames(page(large, "?q=novak"))).containsExactly("yann@" + large.domain(),
                "zoe@" + large.domain());
        assertThat(usernames(page(large, "?q=NOVAK&sort=USERNAME_DESC"))).containsExactly("zoe@" + large.domain(),
                "yann@" + large.domain());
        String fillers = page(large, "?q=filler%200&size=25");
        assertThat(usernames(fillers)).hasSize(25).startsWith("filler1@" + large.domain());
        assertThat(usernames(follow(link(fillers, "next")))).hasSize(25).startsWith("filler26@" + large.domain());
    }

    @Test
    void aPastedLineBreakSearchesAsASpace() throws Exception {
        assertThat(usernames(page("?q=ada%0Alovelace"))).containsExactly("ada@" + customer.domain());
        assertThat(usernames(page("?q=lovelace%0Aada"))).isEmpty();
    }

    @Test
    void theNoUsersRowSpansExactlyTheColumnsEveryRoleSees() throws Exception {
        TestCustomer empty = data.customer("Empty Contoso");
        for (String role : new String[] { "ADMIN_AGENT", "HELPDESK_AGENT", "SALES_AGENT" }) {
            for (String query : new String[] { "", "?q=nobody" }) {
                String page = mvc.perform(get(URI.create("/customers/" + empty.id() + "/users" + query))
                    .with(user("agent").roles(role))).andReturn().getResponse().getContentAsString();
                String header = page.substring(page.indexOf("<thead>"), page.indexOf("</thead>"));
                Matcher emptyRow = Pattern.compile("<td colspan=\"(\\d+)\">(This customer has no users|No users match)")
                    .matcher(page);
                assertThat(emptyRow.find()).as(role + query).isTrue();
                assertThat(Integer.parseInt(emptyRow.group(1))).as(role + query)
                    .isEqualTo(header.split("<th ", -1).length - 1)
                    .isEqualTo(role.equals("SALES_AGENT") ? 6 : 7);
            }
        }
    }

    private UUID userInDomain(String displayName, String localPart, String domain) {
        UUID id = data.user(customer, displayName, localPart);
        jdbc.update("update customer_user set username = ? where id = ?", localPart + "@" + domain, id);
        return id;
    }

    private String page(String query) throws Exception {
        return page(customer, query);
    }

    private String page(TestCustomer of, String query) throws Exception {
        MvcResult result = mvc.perform(signedIn(get(URI.create("/customers/" + of.id() + "/users" + query))))
            .andReturn();
        assertThat(result.getResponse().getStatus()).as(query).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private int status(String query) throws Exception {
        return mvc.perform(signedIn(get(URI.create("/customers/" + customer.id() + "/users" + query))))
            .andReturn()
            .getResponse()
            .getStatus();
    }

    private static MockHttpServletRequestBuilder signedIn(MockHttpServletRequestBuilder request) {
        return request.with(user("admin").roles("ADMIN_AGENT"));
    }

    /** The href of the pagination link with {@code rel}, as the browser would follow it. */
    private static String link(String page, String rel) {
        Matcher matcher = Pattern.compile("rel=\"" + rel + "\"\\s+href=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("a link rel=" + rel).isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }

    private static boolean isDisabled(String page, String rel) {
        return Pattern.compile("<li class=\"page-item disabled\">\\s*<a class=\"page-link\" rel=\"" + rel + "\"")
            .matcher(page)
            .find();
    }

    private String follow(String pathAndQuery) throws Exception {
        MvcResult result = mvc.perform(signedIn(get(URI.create(pathAndQuery)))).andReturn();
        assertThat(result.getResponse().getStatus()).as(pathAndQuery).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private static List<String> usernames(String page) {
        List<String> usernames = new ArrayList<>();
        Matcher matcher = USERNAME_CELL.matcher(page);
        while (matcher.find()) {
            usernames.add(matcher.group(1));
        }
        return usernames;
    }
}

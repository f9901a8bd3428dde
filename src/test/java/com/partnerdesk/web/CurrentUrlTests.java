package com.partnerdesk.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

class CurrentUrlTests {

    private final CurrentUrl currentUrl = new CurrentUrl();

    @AfterEach
    void forgetRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void keepsAnAccentedSearchAsTheBrowserSentItWhenTheSortChanges() {
        onRequest("/customers/1/users", "q=Jos%C3%A9%20Mu%C3%B1oz&page=3");

        assertThat(currentUrl.with("sort", "USERNAME")).isEqualTo("/customers/1/users?q=Jos%C3%A9%20Mu%C3%B1oz&sort=USERNAME");
    }

    @Test
    void keepsTheFiltersWhenThePageChanges() {
        onRequest("/customers/1/users", "unlicensed=true&page=3");

        assertThat(currentUrl.toPage(4)).isEqualTo("/customers/1/users?unlicensed=true&page=4");
    }

    @Test
    void aLinkToTheNextPageCarriesTheRowItSeeksFromAndForgetsTheOldOne() {
        onRequest("/customers/1/users", "role=GLOBAL_ADMIN&page=3&before=b1&last=true");

        assertThat(currentUrl.toPage(4, "after", "a9")).isEqualTo("/customers/1/users?role=GLOBAL_ADMIN&page=4&after=a9");
        assertThat(currentUrl.toLastPage(9)).isEqualTo("/customers/1/users?role=GLOBAL_ADMIN&page=9&last=true");
    }

    @Test
    void changingTheSortOrAFilterStartsAgainAtTheFirstPageWithoutItsAnchor() {
        onRequest("/customers/1/users", "page=3&after=a9&sort=USERNAME");

        assertThat(currentUrl.with("sort", "CREATED")).isEqualTo("/customers/1/users?sort=CREATED");
        assertThat(currentUrl.at("/customers/1/users/count")).isEqualTo("/customers/1/users/count?page=3&after=a9&sort=USERNAME");
    }

    @Test
    void encodesOnceWhatAHandTypedUrlLeftRaw() {
        onRequest("/customers/1/users", "q=a b");

        assertThat(currentUrl.with("lang", "es")).isEqualTo("/customers/1/users?q=a%20b&lang=es");
    }

    @Test
    void switchingLanguageStaysOnTheSamePageOfTheSameList() {
        onRequest("/customers/1/users", "role=GLOBAL_ADMIN&page=40&after=a9&lang=en");

        assertThat(currentUrl.inLanguage("es")).isEqualTo("/customers/1/users?role=GLOBAL_ADMIN&page=40&after=a9&lang=es");
    }

    private static void onRequest(String path, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setQueryString(query);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}

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

        assertThat(currentUrl.with("page", 4)).isEqualTo("/customers/1/users?unlicensed=true&page=4");
    }

    @Test
    void encodesOnceWhatAHandTypedUrlLeftRaw() {
        onRequest("/customers/1/users", "q=a b");

        assertThat(currentUrl.with("lang", "es")).isEqualTo("/customers/1/users?q=a%20b&lang=es");
    }

    private static void onRequest(String path, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setQueryString(query);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}

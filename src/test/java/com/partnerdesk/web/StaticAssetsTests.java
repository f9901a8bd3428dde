package com.partnerdesk.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Style sheets and scripts are addressed by their content, so a browser keeps them for a year and still sees a new
 * version the moment it is deployed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaticAssetsTests {

    private static final Pattern STYLESHEET = Pattern.compile("href=\"(/assets/css/app-[0-9a-f]{32}\\.css)\"");

    @Autowired
    MockMvc mvc;

    @Test
    void pagesLinkTheirStyleSheetByContentAndBrowsersMayKeepItForAYear() throws Exception {
        String page = mvc.perform(get("/sign-in")).andReturn().getResponse().getContentAsString();
        Matcher stylesheet = STYLESHEET.matcher(page);
        assertThat(stylesheet.find()).as("the sign-in page links app.css by a content-hashed URL").isTrue();

        MockHttpServletResponse served = mvc.perform(get(stylesheet.group(1))).andReturn().getResponse();

        assertThat(served.getStatus()).isEqualTo(200);
        assertThat(served.getContentAsString()).contains("{");
        assertThat(served.getHeader("Cache-Control")).contains("max-age=31536000");
    }

    @Test
    void pagesNameTheirIconSoBrowsersDoNotAskForAMissingFavicon() throws Exception {
        String page = mvc.perform(get("/sign-in")).andReturn().getResponse().getContentAsString();
        Matcher icon = Pattern.compile("<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"(/assets/img/favicon-[0-9a-f]{32}\\.svg)\"")
            .matcher(page);
        assertThat(icon.find()).isTrue();

        assertThat(mvc.perform(get(icon.group(1))).andReturn().getResponse().getContentAsString()).startsWith("<svg");
    }

    @Test
    void anUnknownAssetIsNotFoundRatherThanASignInRedirect() throws Exception {
        assertThat(mvc.perform(get("/assets/css/missing.css")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }
}

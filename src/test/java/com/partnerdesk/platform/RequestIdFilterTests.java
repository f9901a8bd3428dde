package com.partnerdesk.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class RequestIdFilterTests {

    @Test
    void logLinesWrittenWhileServingARequestCarryItsIdAndLaterOnesDoNot() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/customers");
        request.addHeader("X-Request-Id", "abc-123");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> seenWhileServing = new AtomicReference<>();

        new RequestIdFilter().doFilter(request, response, (req, res) -> seenWhileServing.set(MDC.get("requestId")));

        assertThat(seenWhileServing.get()).isEqualTo("abc-123");
        assertThat(response.getHeader("X-Request-Id")).isEqualTo("abc-123");
        assertThat(MDC.get("requestId")).isNull();
    }

    @Test
    void anOfferedIdOfAMegabyteIsReplacedAtOnce() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/customers");
        request.addHeader("X-Request-Id", "a-".repeat(512 * 1024) + "!");
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> new RequestIdFilter().doFilter(request, response, (req, res) -> { }));

        assertThat(response.getHeader("X-Request-Id")).hasSize(36);
    }
}

package com.partnerdesk.support;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Real form sign-ins through the security filter chain, each from an address of the test's choosing, so that tests
 * sharing one database never lock each other's address.
 */
public final class SignIns {

    private SignIns() {
    }

    public static MvcResult signIn(MockMvc mvc, String username, String password, String address) throws Exception {
        return mvc.perform(post("/sign-in").param("username", username).param("password", password)
            .with(csrf())
            .with(from(address))).andReturn();
    }

    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}

package com.partnerdesk.security;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.Cookie;

import com.partnerdesk.directory.CreatedUser;
import com.partnerdesk.directory.NewUser;
import com.partnerdesk.directory.UserCreation;
import com.partnerdesk.directory.UserProfile;
import com.partnerdesk.support.SignIns;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What a sign-in leaves in the session table, read back from PostgreSQL after a sign-in through the whole filter
 * chain: no password, and no hash of one, of a staff member or of a customer user (temporary or own).
 */
@SpringBootTest
@AutoConfigureMockMvc
class SessionContentsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    final String address1 = randomAddress();

    final String address2 = randomAddress();

    @Autowired
    UserCreation creation;

    @Test
    void aStaffSessionHoldsNeitherThePasswordNorItsHash() throws Exception {
        String admin = new TestData(jdbc).staff("ADMIN_AGENT");
        String hash = jdbc.queryForObject("select password_hash from staff_member where username = ?", String.class,
                admin);

        MvcResult signedIn = SignIns.signIn(mvc, admin, TestData.STAFF_PASSWORD, address1);

        assertThat(signedIn.getResponse().getRedirectedUrl()).doesNotContain("/sign-in");
        List<Object> attributes = storedAttributes(sessionCookie(signedIn), hash,
                TestData.STAFF_PASSWORD);
        SecurityContext context = attributes.stream().filter(SecurityContext.class::isInstance)
            .map(SecurityContext.class::cast).findFirst().orElseThrow();
        assertThat(context.getAuthentication().getName()).isEqualTo(admin);
        assertThat(context.getAuthentication().getCredentials()).isNull();
        if (context.getAuthentication().getPrincipal() instanceof UserDetails details) {
            assertThat(details.getPassword()).isNull();
        }
    }

    @Test
    void aCustomerUsersSessionHoldsNoHashOfTheTemporaryPasswordNorOfTheOwnOne() throws Exception {
        TestCustomer customer = new TestData(jdbc).customer("Session Contents");
        CreatedUser ada = creation.create(customer.id(), new NewUser(new UserProfile("Ada", "Lovelace", "Ada Lovelace",
                "ada@" + customer.domain(), "GB", Set.of()), Set.of()));
        String temporaryHash = passwordHashOf(ada);

        Cookie session = signInAsCustomerUser(ada.username(), ada.temporaryPassword());
        storedAttributes(session, temporaryHash, ada.temporaryPassword());

        String own = "a long passphrase of my own";
        mvc.perform(post("/my/change-password").cookie(session).with(csrf()).param("newPassword", own)
            .param("confirmation", own));
        String ownHash = passwordHashOf(ada);
        assertThat(ownHash).startsWith("{bcrypt}");
        storedAttributes(session, ownHash, own);
        storedAttributes(signInAsCustomerUser(ada.username(), own), ownHash, own);
    }

    private Cookie signInAsCustomerUser(String username, String password) throws Exception {
        MvcResult signedIn = mvc.perform(post("/my/sign-in").param("username", username).param("password", password)
            .with(csrf()).with(SignIns.from(address2))).andReturn();
        assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/my/account");
        return sessionCookie(signedIn);
    }

    private String passwordHashOf(CreatedUser user) {
        return jdbc.queryForObject("select password_hash from customer_user where id = ?", String.class, user.id());
    }

    /**
     * The session's attributes as stored, each checked byte for byte for the secrets (a string in a serialised object
     * graph is written as its characters), then read back as the objects they are.
     */
    private List<Object> storedAttributes(Cookie cookie, String... secrets) throws Exception {
        assertThat(cookie).as("session cookie").isNotNull();
        String sessionId = new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
        List<byte[]> stored = jdbc.query("""
                select a.attribute_bytes from spring_session_attributes a
                join spring_session s on s.primary_id = a.session_primary_id
                where s.session_id = ?
                """, (rs, row) -> rs.getBytes(1), sessionId);
        assertThat(stored).as("attributes of session %s", sessionId).isNotEmpty();
        for (byte[] bytes : stored) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                assertThat(text).as("a session attribute").doesNotContain(secret);
                String withoutPrefix = secret.substring(secret.indexOf('}') + 1);
                assertThat(text).as("a session attribute").doesNotContain(withoutPrefix);
            }
        }
        return stored.stream().map(SessionContentsTests::deserialize).toList();
    }

    private static Object deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
        catch (Exception unreadable) {
            throw new AssertionError("A session attribute could not be read back", unreadable);
        }
    }


    /** The session cookie (named by the server's settings over real HTTP, Spring Session's default under MockMvc). */
    private static Cookie sessionCookie(MvcResult result) {
        return Arrays.stream(result.getResponse().getCookies())
            .filter(cookie -> cookie.getName().endsWith("SESSION"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No session cookie"));
    }

    private static String randomAddress() {
        ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}

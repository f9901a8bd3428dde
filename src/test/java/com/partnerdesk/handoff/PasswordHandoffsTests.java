package com.partnerdesk.handoff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import com.partnerdesk.handoff.internal.HandoffCipher;
import com.partnerdesk.handoff.internal.HandoffPage;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A handoff is shown once per page, to its own staff member with its own key, and deleted when it expires. */
@SpringBootTest
@AutoConfigureMockMvc
class PasswordHandoffsTests {

    @Autowired
    PasswordHandoffs handoffs;

    @Autowired
    JdbcTemplate jdbc;

    UUID customerId;

    @BeforeEach
    void setUp() {
        customerId = new TestData(jdbc).customer("Handoff Contoso").id();
    }

    @Test
    void eachPageIsShownOnceAndEmailOrDownloadCanStillOpenIt() {
        OpenedHandoff handoff = handoffs.open(customerId, "alex", credentials(3));

        HandoffPage first = handoffs.show(customerId, handoff.id(), handoff.key(), "alex", 1);
        assertThat(first.firstShowing()).isTrue();
        assertThat(first.credentials()).extracting(IssuedCredential::username)
            .containsExactly("user0@c.example", "user1@c.example", "user2@c.example");

        HandoffPage reload = handoffs.show(customerId, handoff.id(), handoff.key(), "alex", 1);
        assertThat(reload.firstShowing()).isFalse();
        assertThat(reload.credentials()).isEmpty();
        assertThat(handoffs.contents(customerId, handoff.id(), handoff.key(), "alex")).hasSize(3);
    }

    @Test
    void anotherStaffMemberAnotherKeyOrAnotherCustomerGetsNothing() {
        OpenedHandoff handoff = handoffs.open(customerId, "alex", credentials(1));
        assertThatThrownBy(() -> handoffs.show(customerId, handoff.id(), handoff.key(), "harper", 1))
            .isInstanceOf(HandoffNotAvailable.class);
        assertThatThrownBy(() -> handoffs.show(customerId, handoff.id(), handoffKey(), "alex", 1))
            .isInstanceOf(HandoffNotAvailable.class);
        assertThatThrownBy(() -> handoffs.show(UUID.randomUUID(), handoff.id(), handoff.key(), "alex", 1))
            .isInstanceOf(HandoffNotAvailable.class);
        // None of these attempts used up the one showing.
        assertThat(handoffs.show(customerId, handoff.id(), handoff.key(), "alex", 1).firstShowing()).isTrue();
    }

    @Test
    void usersCanBeAddedUntilTheListIsShown() {
        OpenedHandoff handoff = handoffs.open(customerId, "alex", credentials(1));
        assertThat(handoffs.append(handoff, "alex",
                List.of(new IssuedCredential("Second", "second@c.example", "Pw#2345abcdEFGHJ")))).isTrue();
        assertThat(handoffs.show(customerId, handoff.id(), handoff.key(), "alex", 1).credentials()).hasSize(2);
        assertThat(handoffs.append(handoff, "alex", credentials(1))).as("shown: no more users").isFalse();
        assertThat(handoffs.append(new OpenedHandoff(customerId, handoff.id(), HandoffCipher.newKey()), "alex", credentials(1)))
            .isFalse();
    }

    @Test
    void thousandsOfUsersArePagedAndDownloadCarriesThemAll() {
        OpenedHandoff handoff = handoffs.open(customerId, "alex", credentials(250));
        HandoffPage third = handoffs.show(customerId, handoff.id(), handoff.key(), "alex", 3);
        assertThat(third.totalPages()).isEqualTo(3);
        assertThat(third.credentials()).hasSize(50);
        assertThat(third.credentials().get(0).username()).isEqualTo("user200@c.example");
        assertThat(handoffs.show(customerId, handoff.id(), handoff.key(), "alex", 99).page()).isEqualTo(3);
        assertThat(handoffs.show(customerId, handoff.id(), handoff.key(), "alex", 1).credentials()).hasSize(100);
        assertThat(handoffs.contents(customerId, handoff.id(), handoff.key(), "alex")).hasSize(250);
    }

    @Test
    void expiredHandoffsCannotBeOpenedAndAreDeleted() {
        OpenedHandoff handoff = handoffs.open(customerId, "alex", credentials(1));
        jdbc.update("update password_handoff set expires_at = now() - interval '1 second' where id = ?", handoff.id());
        assertThatThrownBy(() -> handoffs.contents(customerId, handoff.id(), handoff.key(), "alex"))
            .isInstanceOf(HandoffNotAvailable.class);

        handoffs.deleteExpired(Instant.now());
        assertThat(jdbc.queryForObject("select count(*) from password_handoff where id = ?", Integer.class,
                handoff.id())).isZero();
    }

    @Test
    void theStoredRowHoldsNoPasswordOrName() {
        OpenedHandoff handoff = handoffs.open(customerId, "alex", credentials(2));
        byte[] sealed = jdbc.queryForObject("select sealed from password_handoff where id = ?", byte[].class,
                handoff.id());
        String raw = new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("Pw#0", "user0", "User 0");
    }

    private static List<IssuedCredential> credentials(int count) {
        List<IssuedCredential> list = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> list.add(new IssuedCredential("User " + i, "user" + i + "@c.example",
                "Pw#" + i + "abcdEFGHJKmnp")));
        return list;
    }

    private static String handoffKey() {
        return HandoffCipher.newKey();
    }
}

package com.partnerdesk.directory;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The import's question to the directory: which of these names can the customer not give to a new user, and why. */
@SpringBootTest
class TakenUsernamesTests {

    @Autowired
    TakenUsernames takenUsernames;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void namesTheActiveTheRestorableAndTheClaimedElsewhereAndNothingElse() {
        TestData data = new TestData(jdbc);
        TestCustomer ours = data.customer("Taken Contoso");
        TestCustomer theirs = data.customer("Taken Fabrikam");
        data.user(ours, "Ada Active", "Ada");
        deletedDaysAgo(data.user(ours, "Rita Recent", "rita"), 10);
        deletedDaysAgo(data.user(ours, "Olaf Old", "olaf"), 40);
        data.user(theirs, "Tom Theirs", "tom");
        deletedDaysAgo(data.user(theirs, "Dora Deleted", "dora"), 3);
        deletedDaysAgo(data.user(theirs, "Gus Gone", "gus"), 45);
        Instant now = Instant.now();

        Map<String, TakenUsername> taken = takenUsernames
            .among(ours.id(), List.of(at("ada", ours), at("rita", ours), at("olaf", ours),
                    at("tom", theirs), at("dora", theirs), at("gus", theirs), at("nina", ours)), now)
            .stream()
            .collect(Collectors.toMap(TakenUsername::username, Function.identity()));

        assertThat(taken).containsOnlyKeys(at("ada", ours), at("rita", ours), at("tom", theirs), at("dora", theirs));
        assertThat(taken.get(at("ada", ours))).isEqualTo(new TakenUsername(at("ada", ours), "Ada@" + ours.domain(),
                null, false));
        TakenUsername rita = taken.get(at("rita", ours));
        assertThat(rita.activeUsername()).isNull();
        assertThat(rita.restorableUntil()).isBetween(now.plus(Duration.ofDays(19)), now.plus(Duration.ofDays(21)));
        assertThat(taken.get(at("tom", theirs))).isEqualTo(new TakenUsername(at("tom", theirs), null, null, true));
        assertThat(taken.get(at("dora", theirs)).takenElsewhere()).isTrue();
    }

    @Test
    void noNamesNoStatement() {
        assertThat(takenUsernames.among(UUID.randomUUID(), List.of(), Instant.now())).isEmpty();
    }

    /** The name as the import asks it: folded. */
    private static String at(String localPart, TestCustomer customer) {
        return (localPart + "@" + customer.domain()).toLowerCase();
    }

    private void deletedDaysAgo(UUID userId, int days) {
        jdbc.update("update customer_user set deleted_at = ?, deleted_by = 'test' where id = ?",
                Timestamp.from(Instant.now().minus(days, ChronoUnit.DAYS)), userId);
    }
}

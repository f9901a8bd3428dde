package com.partnerdesk.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.partnerdesk.support.Burst;
import com.partnerdesk.support.Burst.Outcome;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records of failed and refused sign-ins are kept for the sign-in retention (90 days by default) and then deleted by
 * the scheduled cleanup, which any number of instances may run at once; successful sign-ins and other actions stay.
 * Every record here is years older than anything other tests write, so the cleanup's cutoff reaches only these.
 */
@SpringBootTest
class SignInRecordRetentionTests {

    private static final Instant RECORDED = Instant.parse("2020-01-10T09:00:00Z");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignInRefusals refusals;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    SignInRecordSettings settings;

    @Autowired
    SignInRecordCleanup cleanup;

    @Test
    void keepsSignInRecordsForNinetyDaysByDefault() {
        assertThat(settings.signInRetention()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void deletesSignInRecordsOlderThanTheRetentionAndKeepsNewerOnesAndRealActions() {
        Instant newer = RECORDED.plus(Duration.ofDays(10));
        refusals.record(SignInDoor.STAFF, "old", null, "198.19.1.1", SignInRefusalReason.UNKNOWN_USERNAME, RECORDED);
        refusals.record(SignInDoor.STAFF, "new", null, "198.19.2.1", SignInRefusalReason.UNKNOWN_USERNAME, newer);
        entry(RECORDED, "retention-old", "staff.sign-in-failed");
        entry(RECORDED, "retention-old", "user.sign-in-throttled");
        entry(newer, "retention-new", "staff.sign-in-failed");
        entry(RECORDED, "retention-real", "staff.signed-in");
        entry(RECORDED, "retention-real", "customer.created");
        throttle.reserve(SignInDoor.STAFF, "retention-throttled", "198.19.3.1", RECORDED);

        cleanup.deleteOld(RECORDED.plus(Duration.ofDays(95)));

        assertThat(jdbc.queryForList("select address_range from sign_in_refusal"
                + " where address_range in ('198.19.1.0/24', '198.19.2.0/24')", String.class))
            .containsExactly("198.19.2.0/24");
        assertThat(jdbc.queryForList("""
                select actor || '|' || action from audit_entry where actor like 'retention-%' order by actor, action
                """, String.class)).containsExactly("retention-new|staff.sign-in-failed",
                "retention-real|customer.created", "retention-real|staff.signed-in");
        assertThat(jdbc.queryForObject("select count(*) from sign_in_throttle where subject like '%198.19.3.1'"
                + " or subject = 'account:retention-throttled'", Long.class)).isZero();
    }

    @Test
    void twoInstancesCleaningUpAtOnceDeleteEachRecordOnceAndKeepTheRest() throws Exception {
        Instant recorded = RECORDED.plus(Duration.ofDays(200));
        for (int range = 0; range < 30; range++) {
            refusals.record(SignInDoor.CUSTOMER_USERS, "x", null, "198.19.4." + range, SignInRefusalReason.NOT_ACCEPTED,
                    recorded.plusSeconds(range));
        }
        refusals.record(SignInDoor.CUSTOMER_USERS, "x", null, "198.19.5.1", SignInRefusalReason.NOT_ACCEPTED,
                recorded.plus(Duration.ofDays(30)));
        Instant now = recorded.plus(Duration.ofDays(100));
        Long due = jdbc.queryForObject("select count(*) from sign_in_refusal where last_at < ?", Long.class,
                Timestamp.from(now.minus(settings.signInRetention())));

        List<Outcome<SignInRecordCleanup.Deleted>> outcomes = Burst.of(2, i -> () -> cleanup.deleteOld(now));

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.thrown()).isNull());
        assertThat(outcomes.stream().mapToLong(outcome -> outcome.value().refusals()).sum())
            .as("between them, each row due deleted once").isEqualTo(due).isPositive();
        assertThat(jdbc.queryForList("select address_range from sign_in_refusal"
                + " where address_range in ('198.19.4.0/24', '198.19.5.0/24')", String.class))
            .containsExactly("198.19.5.0/24");
    }

    @Test
    void refusalsReleasedTogetherAddUpInOneRowPerAccountRangeAndHour() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2020-06-01T10:20:00Z"), ZoneOffset.UTC);
        List<Outcome<Object>> outcomes = Burst.of(40, i -> () -> {
            refusals.record(SignInDoor.STAFF, "burst-" + i, null, "198.19.6." + (i + 1),
                    SignInRefusalReason.UNKNOWN_USERNAME, clock.instant().plusSeconds(i));
            return null;
        });

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.thrown()).isNull());
        assertThat(jdbc.queryForList("""
                select attempts from sign_in_refusal where address_range = '198.19.6.0/24' and account = ''
                  and window_started_at = timestamptz '2020-06-01 10:00:00+00'
                  and first_at = timestamptz '2020-06-01 10:20:00+00' and last_at = timestamptz '2020-06-01 10:20:39+00'
                """, Integer.class)).containsExactly(40);
        assertThat(jdbc.queryForObject("select count(*) from sign_in_refusal where address_range = '198.19.6.0/24'",
                Long.class)).isOne();
    }

    @Test
    void anAccountReachedFromManyRangesInAnHourFillsAtMostTheLimitOfRowsAndOneMore() {
        Instant hour = Instant.parse("2020-07-01T10:00:00Z");
        int ranges = SignInRefusals.RANGES_PER_HOUR + 5;
        for (int range = 0; range < ranges; range++) {
            refusals.record(SignInDoor.STAFF, "sprayed", SignInAccounts.Account.withoutCustomer(),
                    "10." + range + ".0.1", SignInRefusalReason.ACCOUNT_LOCKED, hour.plusSeconds(range));
        }
        refusals.record(SignInDoor.STAFF, "sprayed", SignInAccounts.Account.withoutCustomer(), "10.0.0.2",
                SignInRefusalReason.ACCOUNT_LOCKED, hour.plusSeconds(ranges));

        assertThat(jdbc.queryForObject("select count(*) from sign_in_refusal where account = 'sprayed'", Long.class))
            .isEqualTo(SignInRefusals.RANGES_PER_HOUR + 1);
        assertThat(jdbc.queryForObject(
                "select attempts from sign_in_refusal where account = 'sprayed' and address_range = ?", Integer.class,
                SignInRefusals.OTHER_RANGES)).isEqualTo(5);
        assertThat(jdbc.queryForObject(
                "select attempts from sign_in_refusal where account = 'sprayed' and address_range = '10.0.0.0/24'",
                Integer.class)).as("a range already counted keeps its row").isEqualTo(2);
    }

    private void entry(Instant at, String actor, String action) {
        jdbc.update("""
                insert into audit_entry (occurred_at, actor, customer_id, action, target, outcome, details)
                values (?, ?, null, ?, ?, 'FAILURE', 'address=198.19.0.1')
                """, Timestamp.from(at), actor, action, actor);
    }
}

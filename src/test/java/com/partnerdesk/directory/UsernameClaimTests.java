package com.partnerdesk.directory;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.partnerdesk.directory.internal.DeletedUserPurge;
import com.partnerdesk.directory.internal.UsernameClaims;
import com.partnerdesk.support.TestData.TestCustomer;
import com.partnerdesk.support.TestData;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One username, one person, across customers: the claims in {@code username_claim} decide, whatever the interleaving.
 * A username can only reach a second customer through its domain: a customer drops the domain while one of its
 * creations is still in flight, and the customer that verifies it next creates the same name.
 */
@SpringBootTest
class UsernameClaimTests {

    @Autowired
    UserCreation creation;

    @Autowired
    DeletedUserPurge purge;

    @Autowired
    UsernameClaims claims;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    TestData data;

    TestCustomer first;

    TestCustomer second;

    ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void setUp() {
        data = new TestData(jdbc);
        first = data.customer("Claims Contoso");
        second = data.customer("Claims Fabrikam");
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    @Test
    void twoCustomersCreatingOneUsernameAtOnceEndWithOneUserAndOneClearRefusal() throws Exception {
        String username = "ada@" + first.domain();
        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        // The first customer's creation passes its checks and writes its user, then waits before committing.
        Future<List<CreatedUser>> firstCreation = threads.submit(() -> new TransactionTemplate(transactions)
            .execute(status -> {
                List<CreatedUser> created = creation.createAll(first.id(), List.of(newUser(username)));
                firstInserted.countDown();
                await(firstMayCommit);
                return created;
            }));
        assertThat(firstInserted.await(30, TimeUnit.SECONDS)).isTrue();
        // Meanwhile the domain moves: the first customer's user is not committed, so nothing holds the domain back.
        moveDomain(first, second);
        Future<List<CreatedUser>> secondCreation = threads.submit(() -> creation.createAll(second.id(),
                List.of(newUser(username))));
        waitUntilBlockedOrDone(secondCreation);
        firstMayCommit.countDown();

        assertThat(firstCreation.get(30, TimeUnit.SECONDS)).hasSize(1);
        UserCreationRefused refused = refusal(secondCreation);
        assertThat(refused).as("the second creation must be refused").isNotNull();
        assertThat(refused.violationsOf(0)).extracting(RuleViolation::messageKey)
            .containsExactly("create.username.takenElsewhere");
        assertThat(jdbc.queryForObject(
                "select count(*) from customer_user where lower(username) = lower(?) and deleted_at is null",
                Integer.class, username)).isEqualTo(1);
        assertThat(claims.violations()).isEmpty();
    }

    @Test
    void aDeletedUserKeepsItsUsernameUntilPurgedAndThePurgeReleasesIt() {
        UUID ada = data.user(first, "Ada Lovelace", "ada");
        String username = "ada@" + first.domain();
        jdbc.update("update customer_user set deleted_at = ?, deleted_by = 'admin' where id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(2))), ada);
        // The domain reaches the other customer without the application letting go of the deleted user's name, as
        // after a creation that raced the domain's removal.
        moveDomain(first, second);

        UserCreationRefused refused = refusal(() -> creation.createAll(second.id(), List.of(newUser(username))));
        assertThat(refused).as("a restorable user's username stays taken").isNotNull();
        assertThat(refused.violationsOf(0)).extracting(RuleViolation::messageKey)
            .containsExactly("create.username.takenElsewhere");
        assertThat(claimsOf(ada)).isEqualTo(1);

        jdbc.update("update customer_user set deleted_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(40))), ada);
        purge.purgeExpired();

        assertThat(claimsOf(ada)).isZero();
        assertThat(creation.createAll(second.id(), List.of(newUser(username)))).hasSize(1);
        assertThat(claims.violations()).isEmpty();
    }

    @Test
    void aDeletedUserPastItsWindowNoLongerHoldsItsUsernameEvenBeforeThePurge() {
        UUID ada = data.user(first, "Ada Lovelace", "ada");
        jdbc.update("update customer_user set deleted_at = ?, deleted_by = 'admin' where id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(40))), ada);
        moveDomain(first, second);

        assertThat(creation.createAll(second.id(), List.of(newUser("ada@" + first.domain())))).hasSize(1);
        assertThat(claimsOf(ada)).isZero();
        assertThat(claims.violations()).isEmpty();
    }

    @Test
    void theDatabaseRefusesASecondHolderWhateverWritesTheRow() {
        data.user(first, "Ada Lovelace", "ada");
        moveDomain(first, second);

        org.junit.jupiter.api.Assertions.assertThrows(org.springframework.dao.DuplicateKeyException.class,
                () -> jdbc.update("""
                        insert into customer_user (customer_id, id, display_name, username, created_at, updated_at)
                        values (?, ?, 'Ada Twin', ?, now(), now())
                        """, second.id(), UUID.randomUUID(), "ADA@" + first.domain()));
    }

    private int claimsOf(UUID userId) {
        return jdbc.queryForObject("select count(*) from username_claim where user_id = ?", Integer.class, userId);
    }

    private void moveDomain(TestCustomer from, TestCustomer to) {
        jdbc.update("delete from customer_domain where customer_id = ? and domain = ?", from.id(), from.domain());
        jdbc.update("insert into customer_domain (customer_id, domain, position) values (?, ?, 1)", to.id(),
                from.domain());
    }

    /**
     * Gives the second creation the chance to reach the claim and wait for the first: it is done when it did not wait
     * (as without claims), or once the database shows it waiting for a lock. Bounded; nothing is timed.
     */
    private void waitUntilBlockedOrDone(Future<?> creation) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
            .until(() -> creation.isDone() || jdbc.queryForObject("""
                    select count(*) from pg_stat_activity
                    where datname = current_database() and wait_event_type = 'Lock'
                    """, Integer.class) > 0);
    }

    private static UserCreationRefused refusal(Future<?> creation) throws Exception {
        try {
            creation.get(30, TimeUnit.SECONDS);
            return null;
        }
        catch (java.util.concurrent.ExecutionException failed) {
            if (failed.getCause() instanceof UserCreationRefused refused) {
                return refused;
            }
            throw failed;
        }
    }

    private static UserCreationRefused refusal(Runnable creation) {
        try {
            creation.run();
            return null;
        }
        catch (UserCreationRefused refused) {
            return refused;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test did not let the first creation commit");
            }
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static NewUser newUser(String username) {
        return new NewUser(new UserProfile("Ada", "Lovelace", "Ada Lovelace", username, "ES", Set.of()), Set.of());
    }
}

package com.partnerdesk.directory;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.partnerdesk.customer.Customers;
import com.partnerdesk.directory.internal.RestoreReport.LicenseNotRestored;
import com.partnerdesk.directory.internal.RestoreReport.LicenseProblem;
import com.partnerdesk.directory.internal.RestoreReport.Status;
import com.partnerdesk.directory.internal.RestoreReport.UserOutcome;
import com.partnerdesk.directory.internal.CustomerUserPasswordEncoder;
import com.partnerdesk.directory.internal.DirectoryUser;
import com.partnerdesk.directory.internal.InvalidNewUsername;
import com.partnerdesk.directory.internal.LastGlobalAdminNotConfirmed;
import com.partnerdesk.directory.internal.RestoreReport;
import com.partnerdesk.directory.internal.RestoreRequest;
import com.partnerdesk.directory.internal.UserDeletion;
import com.partnerdesk.directory.internal.UserNotFound;
import com.partnerdesk.directory.internal.UserRestoration;
import com.partnerdesk.support.TestData.TestCustomer;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Deleting and restoring on the real database, through the services an admin's clicks call. */
@SpringBootTest
@AutoConfigureMockMvc
class UserDeletionAndRestoreTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDeletion deletion;

    @Autowired
    UserRestoration restoration;

    @Autowired
    UserDirectory directory;

    @Autowired
    Customers customers;

    TestData data;

    TestCustomer customer;

    UUID e3;

    UUID powerBi;

    @BeforeEach
    void customerWithTwoSubscriptions() {
        data = new TestData(jdbc);
        customer = data.customer("Restore Fabrikam");
        e3 = data.subscription(customer.id(), "SPE_E3", 3);
        powerBi = data.subscription(customer.id(), "POWER_BI_PRO", 2);
    }

    @Test
    void deletingReleasesSeatsRemembersLicensesAndHidesTheUser() {
        UUID ada = licensedUser("Ada Lovelace", "ada", e3, powerBi);

        deletion.delete(customer.id(), List.of(ada), false, "admin-1");

        assertThat(seatsAssigned(e3)).isZero();
        assertThat(seatsAssigned(powerBi)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from license_assignment where user_id = ?", Long.class, ada))
            .isZero();
        assertThat(jdbc.queryForList("select product_sku from deleted_user_license where user_id = ? order by 1",
                String.class, ada)).containsExactly("POWER_BI_PRO", "SPE_E3");
        DirectoryUser deleted = directory.require(customer.id(), ada);
        assertThat(deleted.isDeleted()).isTrue();
        assertThat(deleted.getDeletedBy()).isEqualTo("admin-1");
        assertThat(customers.requireProfile(customer.id()).deletedUsers()).isEqualTo(1);
        assertThat(directory.countActive(customer.id())).isZero();
        assertThat(auditDetails("user.deleted", "ada@" + customer.domain()))
            .containsExactly("licenses released: Microsoft 365 E3, Power BI Pro");
    }

    @Test
    void restoreGivesEveryLicenseBackWhenSeatsAreFree() {
        UUID ada = licensedUser("Ada Lovelace", "ada", e3, powerBi);
        deletion.delete(customer.id(), List.of(ada), false, "admin-1");

        UserRestoration.Restoration restoration = this.restoration.restore(customer.id(),
                List.of(RestoreRequest.asBefore(ada)));

        UserOutcome outcome = restoration.report().users().get(0);
        assertThat(outcome.status()).isEqualTo(Status.RESTORED);
        assertThat(outcome.licensesRestored()).containsExactly("Microsoft 365 E3", "Power BI Pro");
        assertThat(outcome.licensesNotRestored()).isEmpty();
        assertThat(directory.require(customer.id(), ada).isDeleted()).isFalse();
        assertThat(seatsAssigned(e3)).isEqualTo(1);
        assertThat(seatsAssigned(powerBi)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from deleted_user_license where user_id = ?", Long.class, ada))
            .isZero();
        assertThat(auditDetails("user.restored", "ada@" + customer.domain()))
            .containsExactly("licenses restored: Microsoft 365 E3, Power BI Pro");
    }

    @Test
    void aRestoredUserGetsANewTemporaryPasswordInsteadOfItsOldOne() {
        UUID ada = licensedUser("Ada Lovelace", "ada");
        jdbc.update("update customer_user set password_hash = ?, password_temporary = false where id = ?",
                CustomerUserPasswordEncoder.hashOwn("Old password 123!"), ada);
        deletion.delete(customer.id(), List.of(ada), false, "admin-1");

        List<CreatedUser> passwords = restoration.restore(customer.id(), List.of(RestoreRequest.asBefore(ada)))
            .temporaryPasswords();

        assertThat(passwords).extracting(CreatedUser::id).containsExactly(ada);
        DirectoryUser restored = directory.require(customer.id(), ada);
        assertThat(restored.isPasswordTemporary()).isTrue();
        assertThat(CustomerUserPasswordEncoder.matches(passwords.get(0).temporaryPassword(), restored.getPasswordHash()))
            .isTrue();
        assertThat(CustomerUserPasswordEncoder.matches("Old password 123!", restored.getPasswordHash())).isFalse();
        assertThat(auditDetails("user.restored", "ada@" + customer.domain()).get(0))
            .doesNotContain(passwords.get(0).temporaryPassword());
    }

    @Test
    void aFullProductIsReportedWhileTheOthersComeBack() {
        UUID ada = licensedUser("Ada Lovelace", "ada", e3, powerBi);
        deletion.delete(customer.id(), List.of(ada), false, "admin-1");
        data.assign(customer.id(), powerBi, List.of(data.user(customer, "Bo One", "bo1"), data.user(customer, "Bo Two", "bo2")));

        UserOutcome outcome = restoration.restore(customer.id(), List.of(RestoreRequest.asBefore(ada))).report().users().get(0);

        assertThat(outcome.status()).isEqualTo(Status.RESTORED);
        assertThat(outcome.licensesRestored()).containsExactly("Microsoft 365 E3");
        assertThat(outcome.licensesNotRestored())
            .containsExactly(new LicenseNotRestored("Power BI Pro", powerBi, LicenseProblem.NO_FREE_SEAT));
        assertThat(seatsAssigned(powerBi)).isEqualTo(2);
        assertThat(auditDetails("user.restored", "ada@" + customer.domain()))
            .containsExactly("licenses restored: Microsoft 365 E3; not restored: Power BI Pro (no free seat)");
    }

    @Test
    void aRemovedSubscriptionIsReported() {
        UUID ada = licensedUser("Ada Lovelace", "ada", e3, powerBi);
        deletion.delete(customer.id(), List.of(ada), false, "admin-1");
        jdbc.update("delete from subscription where customer_id = ? and id = ?", customer.id(), powerBi);

        UserOutcome outcome = restoration.restore(customer.id(), List.of(RestoreRequest.asBefore(ada))).report().users().get(0);

        assertThat(outcome.licensesRestored()).containsExactly("Microsoft 365 E3");
        assertThat(outcome.licensesNotRestored())
            .containsExactly(new LicenseNotRestored("Power BI Pro", null, LicenseProblem.SUBSCRIPTION_GONE));
    }

    @Test
    void aTakenUsernameIsReportedAndTheUserCanBeRestoredUnderANewOne() {
        UUID ada = licensedUser("Ada Lovelace", "ada", e3);
        deletion.delete(customer.id(), List.of(ada), false, "admin-1");
        dropAndVerifyTheDomainAgain();
        data.user(customer, "Ada Newcomer", "ada");

        UserOutcome taken = restoration.restore(customer.id(), List.of(RestoreRequest.asBefore(ada))).report().users().get(0);

        assertThat(taken.status()).isEqualTo(Status.USERNAME_TAKEN);
        assertThat(directory.require(customer.id(), ada).isDeleted()).isTrue();
        assertThat(seatsAssigned(e3)).isZero();

        assertThatExceptionOfType(InvalidNewUsername.class)
            .isThrownBy(() -> restoration.restore(customer.id(), List.of(new RestoreRequest(ada, "ada@" + customer.domain()))))
            .satisfies(e -> assertThat(e.getViolations()).extracting(RuleViolation::messageKey)
                .containsExactly("restore.username.taken"));
        assertThatExceptionOfType(InvalidNewUsername.class)
            .isThrownBy(() -> restoration.restore(customer.id(), List.of(new RestoreRequest(ada, "ada2@elsewhere.example"))))
            .satisfies(e -> assertThat(e.getViolations()).extracting(RuleViolation::messageKey)
                .containsExactly("user.username.domainNotVerified"));

        UserOutcome renamed = restoration
            .restore(customer.id(), List.of(new RestoreRequest(ada, "ada.lovelace@" + customer.domain())))
            .report()
            .users()
            .get(0);

        assertThat(renamed.status()).isEqualTo(Status.RESTORED);
        assertThat(renamed.username()).isEqualTo("ada.lovelace@" + customer.domain());
        assertThat(renamed.previousUsername()).isEqualTo("ada@" + customer.domain());
        assertThat(renamed.licensesRestored()).containsExactly("Microsoft 365 E3");
        assertThat(directory.require(customer.id(), ada).getUsername()).isEqualTo("ada.lovelace@" + customer.domain());
    }

    @Test
    void oneRequestRestoresAMixOfUsersAndSaysWhatHappenedToEach() {
        jdbc.update("update subscription set seats_total = 10 where id = ?", e3);
        UUID ada = licensedUser("Ada Lovelace", "ada", e3, powerBi);
        UUID grace = licensedUser("Grace Hopper", "grace", e3, powerBi);
        UUID linus = licensedUser("Linus Torvalds", "linus", e3);
        UUID alan = licensedUser("Alan Turing", "alan");
        UUID old = licensedUser("Old Timer", "old", e3);
        deletion.delete(customer.id(), List.of(ada, grace, linus, alan, old), false, "admin-1");
        jdbc.update("update customer_user set deleted_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(30)).minusSeconds(5)), old);
        dropAndVerifyTheDomainAgain();
        data.user(customer, "Linus Again", "linus");
        data.assign(customer.id(), powerBi, List.of(data.user(customer, "Seat Taker", "taker")));

        RestoreReport report = restoration.restore(customer.id(),
                List.of(ada, grace, linus, alan, old).stream().map(RestoreRequest::asBefore).toList()).report();

        assertThat(report.users()).extracting(UserOutcome::displayName)
            .containsExactly("Ada Lovelace", "Grace Hopper", "Linus Torvalds", "Alan Turing", "Old Timer");
        assertThat(report.users()).extracting(UserOutcome::status)
            .containsExactly(Status.RESTORED, Status.RESTORED, Status.USERNAME_TAKEN, Status.RESTORED,
                    Status.WINDOW_ENDED);
        // One Power BI seat was left: the first user in the request gets it.
        assertThat(report.users().get(0).licensesRestored()).containsExactly("Microsoft 365 E3", "Power BI Pro");
        assertThat(report.users().get(1).licensesRestored()).containsExactly("Microsoft 365 E3");
        assertThat(report.users().get(1).licensesNotRestored()).extracting(LicenseNotRestored::problem)
            .containsExactly(LicenseProblem.NO_FREE_SEAT);
        assertThat(report.users().get(3).licensesRestored()).isEmpty();
        assertThat(report.restoredCount()).isEqualTo(3);
        assertThat(seatsAssigned(e3)).isEqualTo(2);
        assertThat(seatsAssigned(powerBi)).isEqualTo(2);
        assertThat(directory.require(customer.id(), old).isDeleted()).isTrue();
        assertThat(directory.require(customer.id(), linus).isDeleted()).isTrue();
    }

    @Test
    void anotherCustomersUserIsNeitherDeletedNorRestored() {
        UUID ada = licensedUser("Ada Lovelace", "ada", e3);
        TestCustomer other = data.customer("Other Tailspin");
        UUID theirs = data.user(other, "Their User", "them");
        deletion.delete(customer.id(), List.of(ada), false, "admin-1");

        assertThatExceptionOfType(UserNotFound.class)
            .isThrownBy(() -> deletion.delete(customer.id(), List.of(theirs), false, "admin-1"));
        assertThatExceptionOfType(UserNotFound.class)
            .isThrownBy(() -> restoration.restore(other.id(), List.of(RestoreRequest.asBefore(ada))));
        assertThatExceptionOfType(UserNotFound.class).isThrownBy(() -> restoration.restore(customer.id(),
                List.of(RestoreRequest.asBefore(ada), RestoreRequest.asBefore(theirs))));
        assertThat(directory.require(customer.id(), ada).isDeleted()).isTrue();
        assertThat(directory.require(other.id(), theirs).isDeleted()).isFalse();
    }

    @Test
    void deletingTheLastGlobalAdminNeedsASecondConfirmation() {
        UUID first = data.user(customer, "First Admin", "first", "GLOBAL_ADMIN");
        UUID second = data.user(customer, "Second Admin", "second", "GLOBAL_ADMIN", "USER_ADMIN");

        assertThat(deletion.preview(customer.id(), List.of(first)).removesLastGlobalAdmin()).isFalse();
        deletion.delete(customer.id(), List.of(first), false, "admin-1");

        assertThat(deletion.preview(customer.id(), List.of(second)).removesLastGlobalAdmin()).isTrue();
        assertThatExceptionOfType(LastGlobalAdminNotConfirmed.class)
            .isThrownBy(() -> deletion.delete(customer.id(), List.of(second), false, "admin-1"));
        assertThat(directory.require(customer.id(), second).isDeleted()).isFalse();

        deletion.delete(customer.id(), List.of(second), true, "admin-1");
        assertThat(directory.require(customer.id(), second).isDeleted()).isTrue();
    }

    private UUID licensedUser(String name, String localPart, UUID... subscriptions) {
        UUID user = data.user(customer, name, localPart);
        for (UUID subscription : subscriptions) {
            data.assign(customer.id(), subscription, List.of(user));
        }
        return user;
    }

    private int seatsAssigned(UUID subscription) {
        return jdbc.queryForObject("select seats_assigned from subscription where id = ?", Integer.class, subscription);
    }

    private List<String> auditDetails(String action, String target) {
        return jdbc.queryForList("""
                select details from audit_entry where customer_id = ? and action = ? and target = ? order by id
                """, String.class, customer.id(), action, target);
    }

    /**
     * A deleted user keeps its username until its domain is dropped (docs/decisions/0009); verified again, the domain
     * lets a newcomer take the name.
     */
    private void dropAndVerifyTheDomainAgain() {
        customers.changeDomains(customer.id(), List.of("spare-" + customer.domain()));
        customers.changeDomains(customer.id(), List.of(customer.domain(), "spare-" + customer.domain()));
    }
}

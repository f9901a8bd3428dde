package com.partnerdesk.directory;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class UserDetailsRulesTests {

    private final UserAccountRules rules = new UserAccountRules();

    @Test
    void detailsAsPeopleWriteThemPass() {
        UserDetails details = new UserDetails("Head of Sales", "Sales & Marketing", "+34 91 123 45 67",
                "(555) 010-0199 ext. 12", "ana.garcia@example.com");

        assertThat(rules.check(details)).isEmpty();
        assertThat(rules.check(UserDetails.none())).isEmpty();
    }

    @Test
    void blankDetailsAreAbsentAndValuesAreStripped() {
        UserDetails details = new UserDetails("  ", "", " Finance ", null, "\t");

        assertThat(details).isEqualTo(new UserDetails(null, null, "Finance", null, null));
    }

    @Test
    void eachFieldSaysWhatIsWrongWithIt() {
        UserDetails details = new UserDetails("x".repeat(129), "=HYPERLINK(\"http://evil\")", "call me",
                "+34 600\n000", "ana@localhost");

        assertThat(rules.check(details)).extracting(RuleViolation::field, RuleViolation::messageKey).containsExactly(
                tuple(UserField.JOB_TITLE, "user.name.tooLong"),
                tuple(UserField.DEPARTMENT, "user.name.formulaTrigger"),
                tuple(UserField.OFFICE_PHONE, "user.phone.invalid"),
                tuple(UserField.MOBILE_PHONE, "user.phone.invalid"),
                tuple(UserField.ALTERNATE_EMAIL, "user.alternateEmail.invalid"));
    }

    @Test
    void limitsAreCountedInCharactersAsTheAdminSeesThem() {
        String emoji = "\uD83D\uDE00";

        assertThat(rules.check(new UserDetails(emoji.repeat(128), emoji.repeat(64), null, null, null))).isEmpty();
        List<RuleViolation> tooLong = rules.check(new UserDetails(null, emoji.repeat(65), null, null, null));
        assertThat(tooLong).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo(UserField.DEPARTMENT);
            assertThat(violation.arguments()).containsExactly(64, 65);
        });
    }

    @Test
    void anAlternateEmailNeedsOneAtAndADomain() {
        for (String wrong : List.of("ana", "@example.com", "ana@@example.com", "ana@example", "ana@example.",
                "ana maria@example.com", "+ana@example.com")) {
            assertThat(rules.check(new UserDetails(null, null, null, null, wrong))).as(wrong)
                .extracting(RuleViolation::messageKey).containsExactly("user.alternateEmail.invalid");
        }
        assertThat(rules.check(new UserDetails(null, null, null, null, "a".repeat(250) + "@x.es")))
            .extracting(RuleViolation::messageKey).containsExactly("user.name.tooLong");
    }
}

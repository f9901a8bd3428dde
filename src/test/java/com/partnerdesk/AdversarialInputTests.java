package com.partnerdesk;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.partnerdesk.directory.RuleViolation;
import com.partnerdesk.directory.UserAccountRules;
import com.partnerdesk.directory.internal.UserFilter;
import com.partnerdesk.directory.UserProfile;
import com.partnerdesk.handoff.internal.HandoffMail;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Each check that reads typed text with a regular expression, fed a megabyte of the text that is hardest for its
 * pattern: it still answers, and answers right. (The domain list of the customer forms has its own, in
 * CustomerFormTests; the request id header in RequestIdFilterTests.) The patterns left in the code base have no
 * quantified group and no two quantifiers competing for the same characters, or run on text cut to a few hundred
 * characters first; these tests keep that true for their entry points.
 */
class AdversarialInputTests {

    /** Only a guard that the check finishes at all, not a measure of its speed. */
    private static final Duration FINISHES = Duration.ofSeconds(10);

    private static final int MEGABYTE = 1024 * 1024;

    @Test
    void handoffRecipientsOfAMegabyteAreReadAndJudged() {
        // The address pattern's domain part ("x+\.x+" where x includes the dot) is quadratic in one address's length;
        // each address is cut at 254 characters before it is matched.
        String dots = "a@" + ".".repeat(MEGABYTE) + "@";
        String manyDotted = ("a@" + ".".repeat(250) + "@ ").repeat(4_000);
        String manySpaces = "ana@contoso.example" + " ;,".repeat(MEGABYTE / 3) + "luis@contoso";
        for (String typed : List.of(dots, manyDotted, manySpaces)) {
            List<String> recipients = assertTimeoutPreemptively(FINISHES, () -> HandoffMail.parseRecipients(typed));
            assertThat(recipients).isEmpty();
        }
        String twoAmongSeparators = "ana@contoso.example" + " ;,".repeat(MEGABYTE / 3) + "luis@contoso.example";
        List<String> valid = assertTimeoutPreemptively(FINISHES, () -> HandoffMail.parseRecipients(twoAmongSeparators));
        assertThat(valid).containsExactly("ana@contoso.example", "luis@contoso.example");
    }

    @Test
    void aSearchOfAMegabyteOfControlCharactersIsReadAsSpaces() {
        String typed = "\t\n\u0001".repeat(MEGABYTE / 3) + "ana";
        UserFilter filter = assertTimeoutPreemptively(FINISHES,
                () -> new UserFilter(typed, null, null, false, null, "contoso.example" + "-".repeat(MEGABYTE)));
        assertThat(filter.search()).isEqualTo("ana");
        assertThat(filter.domain()).hasSizeLessThanOrEqualTo(UserFilter.MAX_SEARCH_LENGTH);
    }

    @Test
    void aUsernameOfAMegabyteIsRefusedWithTheRightReason() {
        UserAccountRules rules = new UserAccountRules();
        String allowedThenBad = "a.".repeat(MEGABYTE / 2) + "(@contoso.example";
        String allowedTooLong = "a".repeat(MEGABYTE) + "@contoso.example";
        List<RuleViolation> bad = assertTimeoutPreemptively(FINISHES,
                () -> rules.check(profile(allowedThenBad), Set.of("contoso.example")));
        List<RuleViolation> tooLong = assertTimeoutPreemptively(FINISHES,
                () -> rules.check(profile(allowedTooLong), Set.of("contoso.example")));

        assertThat(bad).extracting(RuleViolation::messageKey).containsExactly("user.username.invalidCharacters");
        assertThat(tooLong).extracting(RuleViolation::messageKey).containsExactly("user.username.tooLong");
    }

    private static UserProfile profile(String username) {
        return new UserProfile("Ana", "Ruiz", "Ana Ruiz", username, "ES", Set.of());
    }
}

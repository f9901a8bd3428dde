package com.partnerdesk.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A usage location is a country however it is typed, and is kept as ISO writes it, by the form and the import alike. */
class UsageLocationTests {

    private final UserAccountRules rules = new UserAccountRules();

    @Test
    void lowerCaseCodesAreCountries() {
        assertThat(UserAccountRules.isUsageLocation("es")).isTrue();
        assertThat(UserAccountRules.isUsageLocation("Es")).isTrue();
        assertThat(UserAccountRules.isUsageLocation(" ES ")).isTrue();
        assertThat(UserAccountRules.isUsageLocation("España")).isFalse();
        assertThat(UserAccountRules.isUsageLocation("xx")).isFalse();
        assertThat(UserAccountRules.isUsageLocation(null)).isFalse();
    }

    @Test
    void aProfileKeepsTheCodeUpperCaseAndPassesTheRules() {
        UserProfile profile = new UserProfile("Ana", "Ruiz", "Ana Ruiz", "ana@contoso.example", "es", Set.of());

        assertThat(profile.usageLocation()).isEqualTo("ES");
        assertThat(rules.check(profile, List.of("contoso.example"))).isEmpty();
    }

    @Test
    void anUnknownCodeIsStillRefused() {
        UserProfile profile = new UserProfile("Ana", "Ruiz", "Ana Ruiz", "ana@contoso.example", "zz", Set.of());

        assertThat(rules.check(profile, List.of("contoso.example"))).extracting(RuleViolation::messageKey)
                .containsExactly("user.usageLocation.invalid");
    }

    @Test
    void aChosenUsageLocationIsParsedAsStoredOrRefusedAsNotACountry() {
        assertThat(UserAccountRules.parseUsageLocation(" es ")).contains("ES");
        assertThat(UserAccountRules.parseUsageLocation("  ")).isEmpty();
        assertThat(UserAccountRules.parseUsageLocation(null)).isEmpty();
        assertThatThrownBy(() -> UserAccountRules.parseUsageLocation("España")).isInstanceOf(NotACountry.class);
        assertThatThrownBy(() -> UserAccountRules.parseUsageLocation("zz")).isInstanceOf(NotACountry.class);
    }
}

package com.partnerdesk.customer.web;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The domains field: what it accepts, and that no input, however long or odd, keeps its check busy. */
class CustomerFormTests {

    /** Only a guard that the check finishes at all; docs/benchmarks.md has what it costs. */
    private static final Duration FINISHES = Duration.ofSeconds(10);

    static ValidatorFactory factory;

    static Validator validator;

    @BeforeAll
    static void createValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "contoso.example", "  contoso.example  ", "Contoso.Example\nfabrikam.example",
            "a.b, c-d.example,e.example", "contoso.example,\r\n\tfabrikam.co.uk", "x1.y2 z3.w4",
            "contoso.example,,fabrikam.example" })
    void acceptsDomainsSeparatedByCommasSpacesOrLines(String domains) {
        assertThat(messagesFor(domains)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "not a domain!", "contoso", "-contoso.example", "contoso-.example", "contoso..example",
            "contoso.example.", ".contoso.example", "contoso.example; fabrikam.example", "contoso_example.com",
            "ñandú.example", ",", " , ", "contoso.example, bad!" })
    void refusesAnythingButDomainNames(String domains) {
        assertThat(messagesFor(domains)).containsAnyOf("{customer.domains.invalid}", "{customer.domains.required}")
            .hasSize(1);
    }

    @Test
    void aLabelMayHaveSixtyThreeCharactersButNotMore() {
        assertThat(messagesFor("a".repeat(63) + ".example")).isEmpty();
        assertThat(messagesFor("a".repeat(64) + ".example")).containsExactly("{customer.domains.invalid}");
    }

    @Test
    void splitsTheListIntoItsDomains() {
        assertThat(new CustomerForm("C", " contoso.example,\nfabrikam.example  x.example ,").domainList())
            .containsExactly("contoso.example", "fabrikam.example", "x.example");
    }

    @Test
    void aListLongerThanTheLimitIsRefusedForItsLengthAlone() {
        assertThat(messagesFor(" ".repeat(CustomerForm.MAX_DOMAINS_LENGTH + 1 - 11) + "contoso.com"))
            .containsExactly("{customer.domains.tooLong}");
        assertThat(messagesFor("contoso.example!" + " ".repeat(CustomerForm.MAX_DOMAINS_LENGTH)))
            .containsExactly("{customer.domains.tooLong}");
    }

    /**
     * The shape that made the former pattern try every way of splitting a run of spaces between its separators:
     * a valid domain, a long run of whitespace, and a character that fails only at the very end.
     */
    @Test
    void aLongRunOfSpacesEndingInABadCharacterIsAnsweredAtOnce() {
        String justUnderTheLimit = "a.b" + " ".repeat(CustomerForm.MAX_DOMAINS_LENGTH - 5) + "!";
        for (String adversarial : List.of("contoso.example" + " ".repeat(100_000) + "!",
                "contoso.example" + " \t".repeat(1_000_000) + "!", "a.b" + ", ".repeat(50_000) + "-",
                justUnderTheLimit, "a." + "a-".repeat(1_000_000) + "!")) {
            Set<String> messages = assertTimeoutPreemptively(FINISHES, () -> messagesFor(adversarial));
            assertThat(messages).hasSize(1).containsAnyOf("{customer.domains.invalid}", "{customer.domains.tooLong}");
        }
    }

    private static Set<String> messagesFor(String domains) {
        Set<ConstraintViolation<CustomerForm>> violations = validator.validate(new CustomerForm("Contoso", domains));
        return violations.stream()
            .filter(violation -> violation.getPropertyPath().toString().equals("domains"))
            .map(ConstraintViolation::getMessageTemplate)
            .collect(java.util.stream.Collectors.toSet());
    }
}

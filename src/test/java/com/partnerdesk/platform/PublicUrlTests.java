package com.partnerdesk.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The public address is read strictly: a mistyped one stops the start-up and says why, instead of being ignored. */
class PublicUrlTests {

    @ParameterizedTest
    @ValueSource(strings = { "partnerdesk.example.com", "ftp://partnerdesk.example.com", "https://",
            "https:///path", "https://partnerdesk.example.com/?tenant=1", "https://user:pw@partnerdesk.example.com",
            "https://partner desk.example.com", "//partnerdesk.example.com" })
    void refusesAnythingButAnAbsoluteHttpOrHttpsAddress(String configured) {
        assertThatIllegalStateException().isThrownBy(() -> new PublicUrl(configured))
            .withMessageContaining("partnerdesk.public-url (PARTNERDESK_PUBLIC_URL) is '" + configured + "'")
            .withMessageContaining("https://partnerdesk.example.com");
    }

    @Test
    void aMistypedSettingStopsTheStartUpWithTheReason() {
        new ApplicationContextRunner().withUserConfiguration(PublicUrl.class)
            .withPropertyValues("partnerdesk.public-url=partnerdesk.example.com")
            .run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("must start with https://"));
    }

    @Test
    void anHttpsAddressMakesEveryRequestHttpsAndLinksUnderIt() {
        PublicUrl publicUrl = new PublicUrl("HTTPS://partnerdesk.example.com:8443/desk/");
        assertThat(publicUrl.isHttps()).isTrue();
        assertThat(publicUrl.isHttps(new MockHttpServletRequest())).isTrue();
        assertThat(publicUrl.link("/my/sign-in")).isEqualTo("https://partnerdesk.example.com:8443/desk/my/sign-in");
    }

    @Test
    void withoutAnHttpsAddressOnlyARequestThatArrivedOverHttpsIs() {
        MockHttpServletRequest secure = new MockHttpServletRequest();
        secure.setSecure(true);
        for (PublicUrl publicUrl : new PublicUrl[] { new PublicUrl(""), new PublicUrl(null),
                new PublicUrl("http://partnerdesk.internal:8080") }) {
            assertThat(publicUrl.isHttps()).isFalse();
            assertThat(publicUrl.isHttps(new MockHttpServletRequest())).isFalse();
            assertThat(publicUrl.isHttps(secure)).isTrue();
        }
        assertThat(new PublicUrl("http://partnerdesk.internal:8080").link("/my/sign-in"))
            .isEqualTo("http://partnerdesk.internal:8080/my/sign-in");
    }
}

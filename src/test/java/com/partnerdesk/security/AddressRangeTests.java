package com.partnerdesk.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressRangeTests {

    @Test
    void groupsIpv4AddressesByTheirSlash24() {
        assertThat(AddressRange.of("10.0.0.7")).isEqualTo("10.0.0.0/24");
        assertThat(AddressRange.of("203.0.113.250")).isEqualTo("203.0.113.0/24");
    }

    @Test
    void groupsIpv6AddressesByTheirSiteSlash48() {
        assertThat(AddressRange.of("2001:db8:abcd:12::1")).isEqualTo("2001:db8:abcd::/48");
        assertThat(AddressRange.of("::1")).isEqualTo("0:0:0::/48");
        assertThat(AddressRange.of("::ffff:192.0.2.9")).as("an IPv4 address written as IPv6").isEqualTo("192.0.2.0/24");
    }

    @Test
    void groupsWhatIsNoAddressUnderUnknown() {
        assertThat(AddressRange.of(null)).isEqualTo("unknown");
        assertThat(AddressRange.of("")).isEqualTo("unknown");
        assertThat(AddressRange.of("example.com")).isEqualTo("unknown");
        assertThat(AddressRange.of("300.1.1.1")).isEqualTo("unknown");
        assertThat(AddressRange.of("1.2.3")).isEqualTo("unknown");
        assertThat(AddressRange.of("1.2.3.\u0664")).as("a digit of another script").isEqualTo("unknown");
        assertThat(AddressRange.of("1:2:3:zz::1")).isEqualTo("unknown");
    }
}

package com.partnerdesk.security;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The network an address belongs to, as refused sign-ins are grouped: its /24 for IPv4, its /48 (one site) for IPv6.
 * Someone flooding from many addresses of one network fills one row, and the grouping needs no list of networks.
 */
final class AddressRange {

    /** What anything that is not an IP address literal is grouped under. */
    static final String UNKNOWN = "unknown";

    private AddressRange() {
    }

    static String of(String address) {
        if (address == null) {
            return UNKNOWN;
        }
        if (address.indexOf(':') < 0) {
            return ipv4(address);
        }
        try {
            // Only a literal with a colon gets here, which is parsed as IPv6 and never looked up by name.
            InetAddress parsed = InetAddress.getByName(address);
            byte[] bytes = parsed.getAddress();
            if (parsed instanceof Inet4Address) {
                return ipv4(parsed.getHostAddress());
            }
            return String.format("%x:%x:%x::/48", word(bytes, 0), word(bytes, 2), word(bytes, 4));
        }
        catch (UnknownHostException | IllegalArgumentException notAnAddress) {
            return UNKNOWN;
        }
    }

    private static String ipv4(String address) {
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            return UNKNOWN;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return UNKNOWN;
            }
        }
        return Integer.parseInt(parts[0]) + "." + Integer.parseInt(parts[1]) + "." + Integer.parseInt(parts[2])
                + ".0/24";
    }

    private static int word(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
    }
}

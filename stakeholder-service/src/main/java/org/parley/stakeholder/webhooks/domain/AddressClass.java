package org.parley.stakeholder.webhooks.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * What kind of address a webhook host resolved to. Only {@link #PUBLIC} is reached from outside
 * development: the others are the platform's own machine and networks (a request forged through a
 * webhook must not reach them).
 */
public enum AddressClass {
    PUBLIC, LOOPBACK, PRIVATE, LINK_LOCAL, CGNAT, MULTICAST, UNSPECIFIED, RESERVED;

    public boolean isPublic() {
        return this == PUBLIC;
    }

    /** Loopback and private networks: what the development exception allows besides public addresses. */
    public boolean isLocal() {
        return this == LOOPBACK || this == PRIVATE;
    }

    public static AddressClass of(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ofIpv4(b);
        }
        if (address instanceof Inet6Address) {
            return ofIpv6(b);
        }
        return RESERVED;
    }

    private static AddressClass ofIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 0) {
            return UNSPECIFIED; // 0.0.0.0/8, "this network"
        }
        if (a0 == 127) {
            return LOOPBACK;
        }
        if (a0 == 10 || a0 == 172 && a1 >= 16 && a1 <= 31 || a0 == 192 && a1 == 168) {
            return PRIVATE;
        }
        if (a0 == 169 && a1 == 254) {
            return LINK_LOCAL;
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return CGNAT;
        }
        if (a0 >= 224 && a0 <= 239) {
            return MULTICAST;
        }
        if (a0 >= 240) {
            return RESERVED; // 240/4 and the broadcast address
        }
        if (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0 || a0 == 198 && (a1 == 18 || a1 == 19)) {
            return RESERVED; // IETF protocol assignments, benchmarking
        }
        return PUBLIC;
    }

    private static AddressClass ofIpv6(byte[] b) {
        boolean zeroUpTo10 = true;
        for (int i = 0; i < 10; i++) {
            zeroUpTo10 &= b[i] == 0;
        }
        boolean zeroUpTo15 = zeroUpTo10 && b[10] == 0 && b[11] == 0 && b[12] == 0 && b[13] == 0 && b[14] == 0;
        if (zeroUpTo15 && b[15] == 0) {
            return UNSPECIFIED;
        }
        if (zeroUpTo15 && b[15] == 1) {
            return LOOPBACK;
        }
        if (zeroUpTo10 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return ofIpv4(new byte[] {b[12], b[13], b[14], b[15]}); // IPv4-mapped
        }
        if (zeroUpTo10 && b[10] == 0 && b[11] == 0) {
            return RESERVED; // IPv4-compatible (deprecated)
        }
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return PRIVATE; // fc00::/7, unique local
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0x80) {
            return LINK_LOCAL; // fe80::/10
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return PRIVATE; // fec0::/10, the former site-local
        }
        if (first == 0xff) {
            return MULTICAST;
        }
        if (first == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return ofIpv4(new byte[] {b[12], b[13], b[14], b[15]}); // 64:ff9b::/96, NAT64 of an IPv4 address
        }
        if (first == 0x20 && b[1] == 0x02) {
            return ofIpv4(new byte[] {b[2], b[3], b[4], b[5]}); // 2002::/16, 6to4 of an IPv4 address
        }
        if (first == 0x20 && b[1] == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) {
            return RESERVED; // 2001:db8::/32, documentation
        }
        return PUBLIC;
    }
}

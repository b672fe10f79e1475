package org.parley.stakeholder.webhooks.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What webhooks may reach: public addresses only, with loopback and private ones under the development exception. */
class AddressClassTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: no lookup
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final Map<String, AddressClass> CASES = Map.ofEntries(
            Map.entry("8.8.8.8", AddressClass.PUBLIC),
            Map.entry("1.1.1.1", AddressClass.PUBLIC),
            Map.entry("172.15.255.255", AddressClass.PUBLIC),
            Map.entry("172.32.0.0", AddressClass.PUBLIC),
            Map.entry("100.63.255.255", AddressClass.PUBLIC),
            Map.entry("100.128.0.0", AddressClass.PUBLIC),
            Map.entry("169.253.0.1", AddressClass.PUBLIC),
            Map.entry("223.255.255.255", AddressClass.PUBLIC),
            Map.entry("127.0.0.1", AddressClass.LOOPBACK),
            Map.entry("127.255.255.254", AddressClass.LOOPBACK),
            Map.entry("10.0.0.1", AddressClass.PRIVATE),
            Map.entry("10.255.255.255", AddressClass.PRIVATE),
            Map.entry("172.16.0.1", AddressClass.PRIVATE),
            Map.entry("172.31.255.255", AddressClass.PRIVATE),
            Map.entry("192.168.1.1", AddressClass.PRIVATE),
            Map.entry("169.254.169.254", AddressClass.LINK_LOCAL),
            Map.entry("100.64.0.1", AddressClass.CGNAT),
            Map.entry("100.127.255.255", AddressClass.CGNAT),
            Map.entry("224.0.0.1", AddressClass.MULTICAST),
            Map.entry("239.255.255.255", AddressClass.MULTICAST),
            Map.entry("0.0.0.0", AddressClass.UNSPECIFIED),
            Map.entry("0.1.2.3", AddressClass.UNSPECIFIED),
            Map.entry("255.255.255.255", AddressClass.RESERVED),
            Map.entry("240.0.0.1", AddressClass.RESERVED),
            Map.entry("2606:4700:4700::1111", AddressClass.PUBLIC),
            Map.entry("2001:4860:4860::8888", AddressClass.PUBLIC),
            Map.entry("::1", AddressClass.LOOPBACK),
            Map.entry("::", AddressClass.UNSPECIFIED),
            Map.entry("fc00::1", AddressClass.PRIVATE),
            Map.entry("fd12:3456::1", AddressClass.PRIVATE),
            Map.entry("fe80::1", AddressClass.LINK_LOCAL),
            Map.entry("febf::1", AddressClass.LINK_LOCAL),
            Map.entry("ff02::1", AddressClass.MULTICAST),
            Map.entry("::ffff:127.0.0.1", AddressClass.LOOPBACK),
            Map.entry("::ffff:10.0.0.1", AddressClass.PRIVATE),
            Map.entry("::ffff:8.8.8.8", AddressClass.PUBLIC),
            Map.entry("64:ff9b::a9fe:a9fe", AddressClass.LINK_LOCAL),
            Map.entry("2002:7f00:0001::1", AddressClass.LOOPBACK),
            Map.entry("2001:db8::1", AddressClass.RESERVED));

    @Test
    void everyKindOfAddressIsClassified() {
        CASES.forEach((literal, expected) -> assertThat(AddressClass.of(ip(literal))).as(literal).isEqualTo(expected));
    }

    @Test
    void onlyPublicAddressesAreReachedOutsideTheExceptionAndLoopbackAndPrivateOnesWithinIt() {
        CASES.forEach((literal, kind) -> {
            boolean outside = TargetPolicy.refusal("h", List.of(ip(literal)), false).isEmpty();
            boolean within = TargetPolicy.refusal("h", List.of(ip(literal)), true).isEmpty();
            assertThat(outside).as(literal).isEqualTo(kind == AddressClass.PUBLIC);
            assertThat(within).as(literal).isEqualTo(kind == AddressClass.PUBLIC || kind == AddressClass.LOOPBACK
                    || kind == AddressClass.PRIVATE);
        });
    }

    @Test
    void aHostIsRefusedWhenAnyOfItsAddressesIsAndWhenItResolvesToNone() {
        assertThat(TargetPolicy.refusal("mixed.example", List.of(ip("8.8.8.8"), ip("10.0.0.1")), false))
                .hasValueSatisfying(reason -> assertThat(reason).isEqualTo(
                        "mixed.example resolves to 10.0.0.1, a private address, which webhooks may not reach"));
        assertThat(TargetPolicy.refusal("gone.example", List.of(), true)).contains("gone.example does not resolve");
        assertThat(TargetPolicy.refusal("meta", List.of(ip("169.254.169.254")), true)).isPresent();
    }
}

package org.parley.stakeholder.webhooks.domain;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a delivery may connect to. Public addresses always; loopback and private ones only
 * for an endpoint that an admin registered in development (the local platform and the system tests
 * receive on 127.0.0.1). A host is refused when any address it resolves to is refused, so that a name
 * that answers both a public and an internal address cannot be used to reach the latter.
 */
public final class TargetPolicy {

    private TargetPolicy() {}

    /** Why the addresses are refused, or empty when all may be reached. */
    public static Optional<String> refusal(String host, List<InetAddress> addresses, boolean localAllowed) {
        if (addresses.isEmpty()) {
            return Optional.of(host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            AddressClass kind = AddressClass.of(address);
            if (!kind.isPublic() && !(localAllowed && kind.isLocal())) {
                return Optional.of(host + " resolves to " + address.getHostAddress() + ", a "
                        + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " address, which webhooks may not reach");
            }
        }
        return Optional.empty();
    }
}

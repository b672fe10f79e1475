package org.parley.stakeholder.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.springframework.stereotype.Component;

/** Resolves a webhook host once per check; the address checked is the one connected to. */
@Component
class HostResolver {

    /** Every address of the host; none when it does not resolve. */
    List<InetAddress> resolve(String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException | SecurityException e) {
            return List.of();
        }
    }
}

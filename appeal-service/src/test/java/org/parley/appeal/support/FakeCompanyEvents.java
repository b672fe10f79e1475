package org.parley.appeal.support;

import java.util.List;
import org.parley.api.stakeholder.v1.PublishCompanyEventRequest;
import org.parley.common.testkit.FakeCompanyEventHub;
import org.parley.common.testkit.FakeGrpcServer;

/** stakeholder-service's CompanyEventService served over a socket, knowing every company. */
public final class FakeCompanyEvents {

    private final FakeCompanyEventHub hub = new FakeCompanyEventHub(company -> true);
    private final FakeGrpcServer server;

    private FakeCompanyEvents() {
        server = FakeGrpcServer.start("stakeholder-service (company events)", hub);
    }

    public static FakeCompanyEvents start() {
        return new FakeCompanyEvents();
    }

    public String address() {
        return server.address();
    }

    /** While true, every call is refused as by a hub that is down. */
    public void unavailable(boolean unavailable) {
        server.refuseCalls(unavailable);
    }

    /** Every event taken for this company, in order, repeats included. */
    public List<PublishCompanyEventRequest> publishedFor(String companyId) {
        return hub.publishedFor(companyId);
    }
}

package org.parley.appeal.stakeholders.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.UUID;
import org.parley.api.stakeholder.v1.CheckMembershipResponse;
import org.parley.appeal.stakeholders.domain.Memberships;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@code StakeholderService.CheckMembership}, mapped to an answer; outages become {@code Unknown}. */
@Component
class GrpcMemberships implements Memberships {

    private static final Logger log = LoggerFactory.getLogger(GrpcMemberships.class);

    private final StakeholderClient client;

    GrpcMemberships(StakeholderClient client) {
        this.client = client;
    }

    @Override
    public Membership check(UUID company, String subject) {
        try {
            CheckMembershipResponse answer = client.membership(company.toString(), subject);
            return answer.getMember() ? new Membership.Member(answer.getUsername()) : new Membership.NotMember();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND || e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                return new Membership.NotMember();
            }
            log.warn("stakeholder-service could not check a membership of {}: {}", company, e.getStatus().getCode());
            return new Membership.Unknown();
        } catch (RuntimeException e) {
            log.warn("stakeholder-service could not be asked about a membership of {}: {}", company, e.toString());
            return new Membership.Unknown();
        }
    }
}

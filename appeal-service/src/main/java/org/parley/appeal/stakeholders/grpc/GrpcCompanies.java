package org.parley.appeal.stakeholders.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;
import java.util.UUID;
import org.parley.api.stakeholder.v1.Stakeholder;
import org.parley.api.stakeholder.v1.StakeholderKind;
import org.parley.api.stakeholder.v1.StakeholderStatus;
import org.parley.appeal.stakeholders.domain.Companies;
import org.parley.appeal.stakeholders.domain.Company;
import org.parley.common.kernel.Unavailable;
import org.springframework.stereotype.Component;

/** Stakeholder lookups ({@code StakeholderService.GetStakeholder}) mapped to what notices need. */
@Component
class GrpcCompanies implements Companies {

    private final StakeholderClient client;

    GrpcCompanies(StakeholderClient client) {
        this.client = client;
    }

    @Override
    public Optional<Company> find(UUID id) {
        try {
            Stakeholder s = client.stakeholder(id.toString());
            return Optional.of(new Company(id, s.getName(), s.getKind() == StakeholderKind.STAKEHOLDER_KIND_COMPANY,
                    s.getStatus() == StakeholderStatus.STAKEHOLDER_STATUS_ACTIVE));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw new Unavailable("stakeholder-service");
        } catch (RuntimeException e) {
            throw new Unavailable("stakeholder-service");
        }
    }
}

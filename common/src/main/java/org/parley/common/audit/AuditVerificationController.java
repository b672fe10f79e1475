package org.parley.common.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/audit/{service}/verification}: an admin checks this service's chain
 * against itself and against every signed checkpoint; {@code POST .../checkpoints} takes a
 * checkpoint now, beside the periodic ones.
 */
@Tag(name = "Audit")
@RestController
public class AuditVerificationController {

    private final AuditChain chain;

    public AuditVerificationController(AuditChain chain) {
        this.chain = chain;
    }

    @Operation(operationId = "verifyAuditChain", summary = "Verify the service's audit chain",
            description = "Admins only: every record's hash against its predecessor's, and the chain against every "
                    + "signed checkpoint; `valid`, the number of records, and where it first breaks.")
    @GetMapping("/api/v1/admin/audit/${parley.audit.chain}/verification")
    public AuditChain.Verification verify(Caller caller) {
        caller.require(Role.ADMIN);
        return chain.verify();
    }

    @Operation(operationId = "checkpointAuditChain", summary = "Take a signed checkpoint of the audit chain now",
            description = "Admins only, beside the periodic checkpoints: the chain's head, signed, kept outside the "
                    + "database.")
    @PostMapping("/api/v1/admin/audit/${parley.audit.chain}/checkpoints")
    public AuditCheckpoint checkpoint(Caller caller) {
        caller.require(Role.ADMIN);
        return chain.anchor();
    }
}

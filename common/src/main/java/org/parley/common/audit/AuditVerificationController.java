package org.parley.common.audit;

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
@RestController
public class AuditVerificationController {

    private final AuditChain chain;

    public AuditVerificationController(AuditChain chain) {
        this.chain = chain;
    }

    @GetMapping("/api/v1/admin/audit/${parley.audit.chain}/verification")
    public AuditChain.Verification verify(Caller caller) {
        caller.require(Role.ADMIN);
        return chain.verify();
    }

    @PostMapping("/api/v1/admin/audit/${parley.audit.chain}/checkpoints")
    public AuditCheckpoint checkpoint(Caller caller) {
        caller.require(Role.ADMIN);
        return chain.anchor();
    }
}

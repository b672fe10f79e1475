package org.parley.portal.admin;

import java.util.ArrayList;
import java.util.List;

import org.parley.portal.api.Api;
import org.parley.portal.api.ApiResult;
import org.parley.portal.api.ApiService;
import org.parley.portal.api.Apis;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Each service's audit chain, verified by the service itself: asked of the three at once, so a
 * service that is down or slow shows as unavailable and the other two still answer.
 */
@Controller
class AuditController {

    static final List<ApiService> SERVICES = List.of(ApiService.STAKEHOLDER, ApiService.REQUEST, ApiService.APPEAL);

    private final Apis apis;

    AuditController(Apis apis) {
        this.apis = apis;
    }

    @GetMapping("/admin/audit")
    String audit(Model model) {
        Api api = apis.current();
        var calls = SERVICES.stream()
                .map(service -> api.fork(() -> api.get("/api/v1/admin/audit/" + service.id() + "/verification",
                        AdminJson.Verification.class)))
                .toList();
        List<ChainVerdict> chains = new ArrayList<>();
        for (int i = 0; i < SERVICES.size(); i++) {
            ApiService service = SERVICES.get(i);
            ApiResult<AdminJson.Verification> result = calls.get(i).join(service);
            chains.add(switch (result) {
                case ApiResult.Ok<AdminJson.Verification> ok -> new ChainVerdict(service, ok.value(), false, null);
                case ApiResult.Refused<AdminJson.Verification> refused ->
                        new ChainVerdict(service, null, false, refused.problem().status());
                case ApiResult.Unavailable<AdminJson.Verification> unavailable -> new ChainVerdict(service, null, true, null);
            });
        }
        model.addAttribute("chains", chains);
        return "admin/audit";
    }
}

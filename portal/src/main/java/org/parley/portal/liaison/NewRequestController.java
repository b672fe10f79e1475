package org.parley.portal.liaison;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.parley.portal.api.Api;
import org.parley.portal.api.ApiResult;
import org.parley.portal.api.ApiService;
import org.parley.portal.api.Apis;
import org.parley.portal.api.NotFoundPage;
import org.parley.portal.api.Problem;
import org.parley.portal.web.Form;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A new request: the liaison chooses its type, then fills in the guided form of that type while
 * the safeguards check of the API tells, as they type, what would block it and what to change.
 * Submitting carries the idempotency key made when the form was first drawn, so a double click
 * files one request.
 */
@Controller
class NewRequestController {

    private final Apis apis;
    private final JsonMapper json;

    NewRequestController(Apis apis, JsonMapper json) {
        this.apis = apis;
        this.json = json;
    }

    @GetMapping("/liaison/requests/new")
    String start(@RequestParam(required = false) String type, Model model) {
        if (type == null || type.isBlank()) {
            model.addAttribute("types", Requests.TYPES);
            return "liaison/choose";
        }
        if (!Requests.TYPES.contains(type)) {
            throw new NotFoundPage();
        }
        Draft draft = Draft.fresh(type).withIdempotencyKey(UUID.randomUUID().toString());
        return form(apis.current(), draft, Form.of(draft.values()), Findings.NONE, null, model);
    }

    /**
     * The safeguards check of the draft. From htmx (while typing): the findings panel alone.
     * From the "Check" button without JavaScript (or "Add a subject"): the whole form again,
     * with what was typed and the findings.
     */
    @PostMapping("/liaison/requests/assessment")
    String assess(@RequestParam MultiValueMap<String, String> params,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response) {
        Draft draft = draft(params);
        Api api = apis.current();
        boolean partial = "true".equals(htmx);
        Api.Fork<Requests.CompanyPage> companies = partial ? null : api.fork(() -> companies(api));
        ApiResult<JsonNode> checked = api.post("/api/v1/requests/assessment", draft.body(), null);
        Findings findings;
        Form form = Form.of(draft.values());
        boolean unavailable = false;
        switch (checked) {
            case ApiResult.Ok<JsonNode> ok -> findings = Findings.ofAssessment(
                    json.treeToValue(ok.value(), Requests.Assessment.class), draft);
            case ApiResult.Refused<JsonNode> refused -> {
                Problem onForm = draft.onForm(refused.problem());
                findings = Findings.ofRefusal(onForm);
                if (onForm.hasFieldErrors()) {
                    form = form.refusedBy(onForm);
                }
            }
            case ApiResult.Unavailable<JsonNode> down -> {
                findings = Findings.NONE;
                unavailable = true;
            }
        }
        model.addAttribute("findings", findings);
        model.addAttribute("checkUnavailable", unavailable);
        if (partial) {
            return "liaison/findings";
        }
        return form(api, companies, draft, form, findings, unavailable ? ApiService.REQUEST : null, model);
    }

    @PostMapping("/liaison/requests")
    String submit(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
        Draft draft = draft(params);
        if (draft.idempotencyKey() == null || draft.idempotencyKey().isBlank()) {
            // a form from before the key existed: give it one now, the next click reuses it
            draft = draft.withIdempotencyKey(UUID.randomUUID().toString());
        }
        Api api = apis.current();
        ApiResult<JsonNode> created = api.post("/api/v1/requests", draft.body(), draft.idempotencyKey());
        switch (created) {
            case ApiResult.Ok<JsonNode> ok -> {
                String id = ok.value().path("id").asString("");
                if (id.isEmpty() && ok.location() != null) {
                    id = ok.location().substring(ok.location().lastIndexOf('/') + 1);
                }
                return "redirect:/liaison/requests/" + id + "?done=submitted";
            }
            case ApiResult.Refused<JsonNode> refused -> {
                Problem onForm = draft.onForm(refused.problem());
                response.setStatus(onForm.status() == 409 ? 409 : 422);
                return form(api, draft, Form.of(draft.values()).refusedBy(onForm), Findings.ofRefusal(onForm), null,
                        model);
            }
            case ApiResult.Unavailable<JsonNode> down -> {
                response.setStatus(503);
                return form(api, draft, Form.of(draft.values()), Findings.NONE, ApiService.REQUEST, model);
            }
        }
    }

    private Draft draft(MultiValueMap<String, String> params) {
        Draft draft = Draft.of(params, params.containsKey("addSubject"));
        if (!Requests.TYPES.contains(draft.type())) {
            throw new NotFoundPage();
        }
        return draft;
    }

    private String form(Api api, Draft draft, Form form, Findings findings, ApiService unavailable, Model model) {
        return form(api, api.fork(() -> companies(api)), draft, form, findings, unavailable, model);
    }

    private String form(Api api, Api.Fork<Requests.CompanyPage> companies, Draft draft, Form form, Findings findings,
            ApiService unavailable, Model model) {
        ApiResult<Requests.CompanyPage> directory = companies.join(ApiService.STAKEHOLDER);
        model.addAttribute("type", draft.type());
        model.addAttribute("form", form);
        model.addAttribute("subjectRows", draft.subjectRows());
        model.addAttribute("companies", directory.answer().map(Requests.CompanyPage::items).orElse(List.of()));
        model.addAttribute("companiesUnavailable", directory.unavailable());
        model.addAttribute("findings", findings);
        model.addAttribute("unavailable", unavailable);
        return "liaison/form";
    }

    static ApiResult<Requests.CompanyPage> companies(Api api) {
        return api.get("/api/v1/stakeholders?kind=COMPANY&status=ACTIVE&pageSize=500", Requests.CompanyPage.class);
    }
}

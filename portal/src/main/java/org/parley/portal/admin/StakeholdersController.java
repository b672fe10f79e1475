package org.parley.portal.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.parley.portal.api.Api;
import org.parley.portal.api.ApiResult;
import org.parley.portal.api.ApiService;
import org.parley.portal.api.Apis;
import org.parley.portal.api.NotFoundPage;
import org.parley.portal.web.Form;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The registry as an admin keeps it: every stakeholder whatever its status, registering one,
 * changing its name and jurisdictions, suspending it (after a confirmation), and the accounts of
 * the people who act for an authority or a company.
 */
@Controller
class StakeholdersController {

    /** stakeholder-service's {@code StakeholderKind} and {@code StakeholderStatus}. */
    static final List<String> KINDS = List.of("STATE", "COMPANY", "CIVIL_SOCIETY", "INTERNATIONAL_ORGANISATION",
            "RESEARCH", "MEDIA");
    static final List<String> STATUSES = List.of("ACTIVE", "SUSPENDED");
    static final ParameterizedTypeReference<AdminJson.Listing<AdminJson.Stakeholder>> STAKEHOLDERS =
            new ParameterizedTypeReference<>() {
            };
    static final ParameterizedTypeReference<AdminJson.Listing<AdminJson.Member>> MEMBERS =
            new ParameterizedTypeReference<>() {
            };
    static final int PAGE_SIZE = 100;

    private final Apis apis;

    StakeholdersController(Apis apis) {
        this.apis = apis;
    }

    @GetMapping("/admin")
    String desk() {
        return "admin/desk";
    }

    @GetMapping("/admin/stakeholders")
    String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
            @RequestParam(required = false) String pageToken, Model model) {
        String wantedKind = oneOf(KINDS, kind);
        String wantedStatus = oneOf(STATUSES, status);
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/v1/stakeholders").queryParam("pageSize", PAGE_SIZE);
        if (wantedKind != null) {
            uri.queryParam("kind", wantedKind);
        }
        if (wantedStatus != null) {
            uri.queryParam("status", wantedStatus);
        }
        if (pageToken != null && pageToken.matches("[A-Za-z0-9_=-]{1,200}")) {
            uri.queryParam("pageToken", pageToken);
        }
        ApiResult<AdminJson.Listing<AdminJson.Stakeholder>> page = apis.current().get(uri.build().toUriString(), STAKEHOLDERS);
        model.addAttribute("stakeholders", page.answer().map(AdminJson.Listing::items).orElse(null));
        model.addAttribute("nextPage", page.answer().map(AdminJson.Listing::nextPageToken)
                .filter(token -> !token.isBlank())
                .map(token -> UriComponentsBuilder.fromPath("/admin/stakeholders").queryParam("kind", wantedKind)
                        .queryParam("status", wantedStatus).queryParam("pageToken", token).build().toUriString())
                .orElse(null));
        model.addAttribute("kind", wantedKind == null ? "" : wantedKind);
        model.addAttribute("status", wantedStatus == null ? "" : wantedStatus);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("statuses", STATUSES);
        return "admin/stakeholders";
    }

    @GetMapping("/admin/stakeholders/new")
    String registration(Model model) {
        return registrationForm(model, Form.of(Map.of("idempotencyKey", AdminForms.newKey())), false);
    }

    @PostMapping("/admin/stakeholders")
    String register(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> typed = AdminForms.typed(params);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", AdminForms.text(typed, "name"));
        body.put("kind", AdminForms.text(typed, "kind"));
        body.put("country", AdminForms.text(typed, "country"));
        body.put("jurisdictions", AdminForms.codes(typed.get("jurisdictions")));
        ApiResult<JsonNode> result = apis.current().post("/api/v1/stakeholders", body, AdminForms.text(typed, "idempotencyKey"));
        return switch (result) {
            case ApiResult.Ok<JsonNode> ok -> {
                redirect.addFlashAttribute("done", "registered");
                yield "redirect:/admin/stakeholders/" + AdminForms.safe(ok.value().path("id").asString());
            }
            case ApiResult.Refused<JsonNode> refused -> {
                response.setStatus(AdminForms.status(refused));
                yield registrationForm(model, Form.of(typed)
                        .refusedBy(AdminForms.renamed(refused.problem(), AdminForms::listField)), false);
            }
            case ApiResult.Unavailable<JsonNode> unavailable -> {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                yield registrationForm(model, Form.of(typed), true);
            }
        };
    }

    private String registrationForm(Model model, Form form, boolean unavailable) {
        model.addAttribute("form", form);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("unavailable", unavailable);
        return "admin/register";
    }

    // ---- one stakeholder ---------------------------------------------------------------------

    @GetMapping("/admin/stakeholders/{id}")
    String stakeholder(@PathVariable String id, Model model) {
        return draw(id, model, null, null);
    }

    @PostMapping("/admin/stakeholders/{id}")
    String change(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> typed = AdminForms.typed(params);
        Map<String, Object> body = new LinkedHashMap<>();
        // a name left empty goes as typed, so the API says it is required rather than keeping the old one unseen
        body.put("name", typed.getOrDefault("name", "").strip());
        body.put("jurisdictions", AdminForms.codes(typed.get("jurisdictions")));
        ApiResult<JsonNode> result = apis.current().patch("/api/v1/stakeholders/" + AdminForms.safe(id), body);
        return switch (result) {
            case ApiResult.Ok<JsonNode> ok -> {
                redirect.addFlashAttribute("done", "changed");
                yield "redirect:/admin/stakeholders/" + id;
            }
            case ApiResult.Refused<JsonNode> refused -> {
                refusedOrNotFound(refused);
                response.setStatus(AdminForms.status(refused));
                yield draw(id, model, Form.of(typed).refusedBy(AdminForms.renamed(refused.problem(), AdminForms::listField)),
                        null);
            }
            case ApiResult.Unavailable<JsonNode> unavailable -> throw new ApiResult.ServiceUnavailable(ApiService.STAKEHOLDER);
        };
    }

    /** Suspending (or reinstating) asks first: a suspended authority can send no request, a suspended company receive none. */
    @GetMapping("/admin/stakeholders/{id}/status")
    String confirmStatus(@PathVariable String id, @RequestParam(required = false) String to, Model model) {
        return confirmation(id, to, model, null);
    }

    @PostMapping("/admin/stakeholders/{id}/status")
    String changeStatus(@PathVariable String id, @RequestParam(required = false) String to, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (oneOf(STATUSES, to) == null) {
            throw new NotFoundPage();
        }
        ApiResult<JsonNode> result = apis.current().patch("/api/v1/stakeholders/" + AdminForms.safe(id),
                Map.of("status", to));
        return switch (result) {
            case ApiResult.Ok<JsonNode> ok -> {
                redirect.addFlashAttribute("done", "SUSPENDED".equals(to) ? "suspended" : "reinstated");
                yield "redirect:/admin/stakeholders/" + id;
            }
            case ApiResult.Refused<JsonNode> refused -> {
                refusedOrNotFound(refused);
                response.setStatus(AdminForms.status(refused));
                yield confirmation(id, to, model, Form.EMPTY.refusedBy(refused.problem()));
            }
            case ApiResult.Unavailable<JsonNode> unavailable -> throw new ApiResult.ServiceUnavailable(ApiService.STAKEHOLDER);
        };
    }

    private String confirmation(String id, String to, Model model, Form form) {
        if (oneOf(STATUSES, to) == null) {
            throw new NotFoundPage();
        }
        AdminJson.Stakeholder stakeholder = apis.current()
                .get("/api/v1/stakeholders/" + AdminForms.safe(id), AdminJson.Stakeholder.class).orNotFound();
        model.addAttribute("stakeholder", stakeholder);
        model.addAttribute("to", to);
        model.addAttribute("form", form == null ? Form.EMPTY : form);
        return "admin/status";
    }

    // ---- accounts ----------------------------------------------------------------------------

    @PostMapping("/admin/stakeholders/{id}/members")
    String provision(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> typed = AdminForms.typed(params);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", AdminForms.text(typed, "email"));
        body.put("firstName", AdminForms.text(typed, "firstName"));
        body.put("lastName", AdminForms.text(typed, "lastName"));
        ApiResult<JsonNode> result = apis.current().post("/api/v1/stakeholders/" + AdminForms.safe(id) + "/members", body,
                AdminForms.text(typed, "idempotencyKey"));
        return switch (result) {
            case ApiResult.Ok<JsonNode> ok -> {
                JsonNode account = ok.value();
                List<String> roles = new ArrayList<>();
                account.path("roles").values().forEach(role -> roles.add(role.asString()));
                String name = (account.path("firstName").asString("") + " " + account.path("lastName").asString("")).strip();
                redirect.addFlashAttribute("account", new NewAccount(id, account.path("id").asString(null),
                        account.path("username").asString(null), account.path("email").asString(null), name, roles,
                        account.path("passwordSetup").asString(null), account.path("temporaryPassword").asString(null)));
                yield "redirect:/admin/stakeholders/" + id + "/members/new";
            }
            case ApiResult.Refused<JsonNode> refused -> {
                refusedOrNotFound(refused);
                response.setStatus(AdminForms.status(refused));
                yield draw(id, model, null, Form.of(typed).refusedBy(refused.problem()));
            }
            case ApiResult.Unavailable<JsonNode> unavailable -> {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                model.addAttribute("provisionUnavailable", true);
                yield draw(id, model, null, Form.of(typed));
            }
        };
    }

    /** The new account, and its temporary password this once: after this view the flash map no longer holds it. */
    @GetMapping("/admin/stakeholders/{id}/members/new")
    String newAccount(@PathVariable String id, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        NewAccount account = model.getAttribute("account") instanceof NewAccount a && id.equals(a.stakeholderId()) ? a : null;
        AdminJson.Stakeholder stakeholder = apis.current()
                .get("/api/v1/stakeholders/" + AdminForms.safe(id), AdminJson.Stakeholder.class).answer().orElse(null);
        model.addAttribute("account", account);
        model.addAttribute("stakeholder", stakeholder);
        model.addAttribute("stakeholderId", id);
        return "admin/account";
    }

    /** The value when it is one of the API's, else null (a value the API does not know is ignored). */
    static String oneOf(List<String> known, String value) {
        return value != null && known.contains(value) ? value : null;
    }

    private static void refusedOrNotFound(ApiResult.Refused<JsonNode> refused) {
        if (refused.problem().status() == 404 || refused.problem().status() == 403) {
            throw new NotFoundPage();
        }
    }

    /** The stakeholder, its edit form, and for authorities and companies their accounts and the form for a new one. */
    private String draw(String id, Model model, Form editForm, Form memberForm) {
        Api api = apis.current();
        String safe = AdminForms.safe(id);
        var stakeholderCall = api.fork(() -> api.get("/api/v1/stakeholders/" + safe, AdminJson.Stakeholder.class));
        var membersCall = api.fork(() -> api.get("/api/v1/stakeholders/" + safe + "/members?pageSize=" + PAGE_SIZE, MEMBERS));
        AdminJson.Stakeholder stakeholder = stakeholderCall.join(ApiService.STAKEHOLDER).orNotFound();
        ApiResult<AdminJson.Listing<AdminJson.Member>> members = membersCall.join(ApiService.STAKEHOLDER);
        Map<String, String> current = new LinkedHashMap<>();
        current.put("name", stakeholder.name());
        current.put("jurisdictions", String.join(", ", stakeholder.jurisdictions()));
        model.addAttribute("stakeholder", stakeholder);
        model.addAttribute("editForm", editForm != null ? editForm : Form.of(current));
        model.addAttribute("memberForm", memberForm != null ? memberForm
                : Form.of(Map.of("idempotencyKey", AdminForms.newKey())));
        model.addAttribute("members", stakeholder.memberRole() == null ? null
                : members.answer().map(AdminJson.Listing::items).orElse(null));
        model.addAttribute("membersUnavailable", stakeholder.memberRole() != null && !members.ok());
        model.addAttribute("membersNext", members.answer().map(AdminJson.Listing::nextPageToken)
                .filter(t -> !t.isBlank()).isPresent());
        if (!model.containsAttribute("provisionUnavailable")) {
            model.addAttribute("provisionUnavailable", false);
        }
        if (!model.containsAttribute("done")) {
            model.addAttribute("done", null);
        }
        return "admin/stakeholder";
    }
}

package org.parley.portal.admin;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.parley.portal.api.ApiResult;
import org.parley.portal.api.ApiService;
import org.parley.portal.api.Apis;
import org.parley.portal.api.Problem;
import org.parley.portal.web.Form;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The standards in force and publishing a new version. The new version is written as the JSON
 * document the API takes ({@code POST /api/v1/standards}: summary, content categories, request
 * rules), starting from the version in force; before it is published the admin sees what it
 * changes, entry by entry and field by field ({@link StandardsDiff}).
 */
@Controller
class StandardsDeskController {

    static final String DOCUMENT = "document";

    private final Apis apis;
    private final JsonMapper json;
    private final MessageSource messages;

    StandardsDeskController(Apis apis, JsonMapper json, MessageSource messages) {
        this.apis = apis;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping("/admin/standards")
    String inForce(Model model) {
        ApiResult<JsonNode> active = apis.current().get("/api/v1/standards/active", JsonNode.class);
        String document = active.answer().map(this::draftOf).orElse("");
        return draw(model, active, Form.of(Map.of(DOCUMENT, document, "idempotencyKey", AdminForms.newKey())));
    }

    /** The diff against the version in force, before anything is published. */
    @PostMapping("/admin/standards/preview")
    String preview(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
        Map<String, String> typed = AdminForms.typed(params);
        ApiResult<JsonNode> active = apis.current().get("/api/v1/standards/active", JsonNode.class);
        JsonNode draft = parse(typed.get(DOCUMENT));
        if (draft == null) {
            response.setStatus(422);
            return draw(model, active, Form.of(typed).refusedBy(malformed()));
        }
        if (!(active instanceof ApiResult.Ok<JsonNode> inForce)) {
            throw new ApiResult.ServiceUnavailable(ApiService.STAKEHOLDER);
        }
        model.addAttribute("inForce", inForce.value());
        model.addAttribute("summary", draft.path("summary").asString(""));
        model.addAttribute("diff", StandardsDiff.between(inForce.value(), draft));
        model.addAttribute("form", Form.of(typed));
        return "admin/standards-preview";
    }

    @PostMapping("/admin/standards")
    String publish(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> typed = AdminForms.typed(params);
        if (typed.containsKey("edit")) {
            return draw(model, apis.current().get("/api/v1/standards/active", JsonNode.class), Form.of(typed));
        }
        JsonNode draft = parse(typed.get(DOCUMENT));
        if (draft == null) {
            response.setStatus(422);
            return draw(model, apis.current().get("/api/v1/standards/active", JsonNode.class),
                    Form.of(typed).refusedBy(malformed()));
        }
        ApiResult<JsonNode> result = apis.current().post("/api/v1/standards", draft, AdminForms.text(typed, "idempotencyKey"));
        return switch (result) {
            case ApiResult.Ok<JsonNode> ok -> {
                redirect.addFlashAttribute("published", ok.value().path("version").asInt());
                yield "redirect:/admin/standards";
            }
            case ApiResult.Refused<JsonNode> refused -> {
                response.setStatus(AdminForms.status(refused));
                yield draw(model, apis.current().get("/api/v1/standards/active", JsonNode.class),
                        Form.of(typed).refusedBy(refused.problem()));
            }
            case ApiResult.Unavailable<JsonNode> unavailable -> {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                model.addAttribute("publishUnavailable", true);
                yield draw(model, apis.current().get("/api/v1/standards/active", JsonNode.class), Form.of(typed));
            }
        };
    }

    private String draw(Model model, ApiResult<JsonNode> active, Form form) {
        model.addAttribute("inForce", active.answer().orElse(null));
        model.addAttribute("form", form);
        if (!model.containsAttribute("published")) {
            model.addAttribute("published", null);
        }
        if (!model.containsAttribute("publishUnavailable")) {
            model.addAttribute("publishUnavailable", false);
        }
        return "admin/standards";
    }

    /** The version in force as a draft of the next one: what the API takes, the summary left for the admin to write. */
    String draftOf(JsonNode active) {
        ObjectNode draft = json.createObjectNode();
        draft.put("summary", "");
        draft.set("contentCategories", active.path("contentCategories"));
        draft.set("requestRules", active.path("requestRules"));
        return draft.toPrettyString();
    }

    private JsonNode parse(String document) {
        if (document == null || document.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(document);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private Problem malformed() {
        String message = messages.getMessage("admin.standards.malformed", null, LocaleContextHolder.getLocale());
        return new Problem(422, null, null, Map.of(DOCUMENT, message), List.of(), null);
    }
}

package org.parley.portal.notices;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.parley.portal.api.ApiResult;
import org.parley.portal.api.Apis;
import org.parley.portal.web.Form;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * The company's contact point for orders (TCO Art. 15) and its spheres of control: what the
 * company can actually act on, so that nobody asks it for what it does not control.
 */
@Controller
class ProfileController {

    /** stakeholder-service's {@code SphereArea}. */
    static final List<String> AREAS = List.of("LEGISLATION", "LAW_ENFORCEMENT", "CONTENT_POLICY", "CONTENT_MODERATION",
            "COUNTER_MESSAGING", "EDUCATION", "RESEARCH", "OVERSIGHT");

    private final Apis apis;

    ProfileController(Apis apis) {
        this.apis = apis;
    }

    @GetMapping("/company/profile")
    String profile(Model model) {
        return draw(model, null, null, false);
    }

    @PostMapping("/company/profile/contact-point")
    String contactPoint(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> typed = Forms.typed(params);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", Forms.text(typed, "email"));
        body.put("phone", Forms.text(typed, "phone"));
        body.put("languages", Forms.codes(typed.get("languages"), false));
        body.put("hours", Forms.text(typed, "hours"));
        body.put("escalationContact", Forms.text(typed, "escalationContact"));
        ApiResult<JsonNode> result = apis.current().put("/api/v1/stakeholders/" + Forms.actingCompany() + "/contact-point", body);
        return switch (result) {
            case ApiResult.Ok<JsonNode> ok -> {
                redirect.addFlashAttribute("done", "contactPoint");
                yield "redirect:/company/profile";
            }
            case ApiResult.Refused<JsonNode> refused -> {
                response.setStatus(Forms.refusedFormStatus(refused));
                yield draw(model, Form.of(typed).refusedBy(Forms.byField(refused.problem())), null, false);
            }
            case ApiResult.Unavailable<JsonNode> unavailable -> {
                response.setStatus(503);
                yield draw(model, Form.of(typed), null, true);
            }
        };
    }

    @PostMapping("/company/profile/spheres")
    String sphere(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> typed = Forms.typed(params);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("area", Forms.text(typed, "area"));
        body.put("scope", Forms.text(typed, "scope"));
        ApiResult<JsonNode> result = apis.current().post("/api/v1/stakeholders/" + Forms.actingCompany() + "/spheres", body,
                Forms.text(typed, "idempotencyKey"));
        return switch (result) {
            case ApiResult.Ok<JsonNode> ok -> {
                redirect.addFlashAttribute("done", "sphere");
                yield "redirect:/company/profile";
            }
            case ApiResult.Refused<JsonNode> refused -> {
                response.setStatus(Forms.refusedFormStatus(refused));
                yield draw(model, null, Form.of(typed).refusedBy(refused.problem()), false);
            }
            case ApiResult.Unavailable<JsonNode> unavailable -> {
                response.setStatus(503);
                yield draw(model, null, Form.of(typed), true);
            }
        };
    }

    private String draw(Model model, Form contactForm, Form sphereForm, boolean notSaved) {
        ApiResult<Json.Stakeholder> result = apis.current().get("/api/v1/stakeholders/" + Forms.actingCompany(),
                Json.Stakeholder.class);
        if (result instanceof ApiResult.Refused<Json.Stakeholder>) {
            result.orNotFound();
        }
        Json.Stakeholder company = result.answer().orElse(null);
        if (contactForm == null) {
            Map<String, String> current = new LinkedHashMap<>();
            if (company != null && company.contactPoint() != null) {
                Json.ContactPoint c = company.contactPoint();
                current.put("email", nullToEmpty(c.email()));
                current.put("phone", nullToEmpty(c.phone()));
                current.put("languages", String.join(", ", c.languages()));
                current.put("hours", nullToEmpty(c.hours()));
                current.put("escalationContact", nullToEmpty(c.escalationContact()));
            }
            contactForm = Form.of(current);
        }
        model.addAttribute("company", company);
        model.addAttribute("contactForm", contactForm);
        model.addAttribute("sphereForm", sphereForm == null ? Form.EMPTY : sphereForm);
        model.addAttribute("areas", AREAS);
        model.addAttribute("idempotencyKey", Forms.newKey());
        model.addAttribute("notSaved", notSaved);
        if (!model.containsAttribute("done")) {
            model.addAttribute("done", null);
        }
        return "notices/profile";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}

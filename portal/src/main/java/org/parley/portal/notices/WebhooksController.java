package org.parley.portal.notices;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;
import org.parley.portal.api.Api;
import org.parley.portal.api.ApiResult;
import org.parley.portal.api.Apis;
import org.parley.portal.api.NotFoundPage;
import org.parley.portal.web.Form;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * The company's own systems: the webhook endpoints stakeholder-service pushes the company's events to
 * (signed), each with its delivery log. A new endpoint's secret, and a rotated one, are shown once, in the
 * answer to the form that made them (not stored in the session for a redirect, not cached), and never again:
 * the portal keeps none of them.
 */
@Controller
class WebhooksController {

    private final Apis apis;

    WebhooksController(Apis apis) {
        this.apis = apis;
    }

    // ---- the list, and a new endpoint -------------------------------------------------------------

    @GetMapping("/company/webhooks")
    String list(Model model) {
        return drawList(model, Form.EMPTY, false);
    }

    @PostMapping("/company/webhooks")
    String register(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> typed = Forms.typed(params);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", Forms.text(typed, "url"));
        body.put("events", params.getOrDefault("events", List.of()).stream().filter(e -> e != null && !e.isBlank()).toList());
        body.put("description", Forms.text(typed, "description"));
        ApiResult<JsonNode> result = apis.current().post("/api/v1/stakeholders/" + Forms.actingCompany() + "/webhooks", body,
                Forms.text(typed, "idempotencyKey"));
        return switch (result) {
            case ApiResult.Ok<JsonNode> ok -> {
                String id = NoticesController.safe(ok.value().path("id").asString(null));
                response.setStatus(201);
                yield drawEndpoint(model, id, null,
                        new WebhookJson.Secret(id, ok.value().path("secret").asString(null), null), response);
            }
            case ApiResult.Refused<JsonNode> refused -> {
                response.setStatus(Forms.refusedFormStatus(refused));
                yield drawList(model, Form.of(typed).refusedBy(Forms.byField(refused.problem())), false);
            }
            case ApiResult.Unavailable<JsonNode> unavailable -> {
                response.setStatus(503);
                yield drawList(model, Form.of(typed), true);
            }
        };
    }

    private String drawList(Model model, Form form, boolean notSaved) {
        ApiResult<WebhookJson.Endpoints> endpoints = apis.current().get("/api/v1/stakeholders/" + Forms.actingCompany() + "/webhooks",
                WebhookJson.Endpoints.class);
        if (endpoints instanceof ApiResult.Refused<WebhookJson.Endpoints>) {
            endpoints.orNotFound();
        }
        model.addAttribute("endpoints", endpoints.answer().map(WebhookJson.Endpoints::items).orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("eventTypes", WebhookJson.EVENT_TYPES);
        model.addAttribute("idempotencyKey", Forms.newKey());
        model.addAttribute("notSaved", notSaved);
        if (!model.containsAttribute("done")) {
            model.addAttribute("done", null);
        }
        return "notices/webhooks";
    }

    // ---- one endpoint -----------------------------------------------------------------------------

    @GetMapping("/company/webhooks/{id}")
    String endpoint(@PathVariable String id, @RequestParam(required = false) String pageToken, Model model,
            HttpServletResponse response) {
        return drawEndpoint(model, NoticesController.safe(id), pageToken, null, response);
    }

    /** The endpoint with its delivery log; with the secret just made, once. */
    private String drawEndpoint(Model model, String wid, String pageToken, WebhookJson.Secret secret,
            HttpServletResponse response) {
        if (secret != null) {
            // the secret is on this page only: no cache keeps it
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        }
        Api api = apis.current();
        String token = pageToken == null || !pageToken.matches("[A-Za-z0-9_=-]{1,200}") ? null : pageToken;
        var endpoint = api.fork(() -> api.get("/api/v1/webhooks/" + wid, WebhookJson.Endpoint.class));
        var deliveries = api.fork(() -> api.get("/api/v1/webhooks/" + wid + "/deliveries?pageSize=50"
                + (token == null ? "" : "&pageToken=" + token), WebhookJson.Deliveries.class));
        WebhookJson.Endpoint found = endpoint.join(org.parley.portal.api.ApiService.STAKEHOLDER).orNotFound();
        model.addAttribute("endpoint", found);
        model.addAttribute("deliveries", deliveries.join(org.parley.portal.api.ApiService.STAKEHOLDER).answer().orElse(null));
        model.addAttribute("secret", secret);
        model.addAttribute("older", token != null);
        if (!model.containsAttribute("done")) {
            model.addAttribute("done", null);
        }
        if (!model.containsAttribute("failed")) {
            model.addAttribute("failed", null);
        }
        return "notices/webhook";
    }

    // ---- its settings ------------------------------------------------------------------------------

    @GetMapping("/company/webhooks/{id}/settings")
    String settings(@PathVariable String id, Model model) {
        WebhookJson.Endpoint endpoint = endpointOf(NoticesController.safe(id));
        Map<String, String> current = new LinkedHashMap<>();
        current.put("url", endpoint.url());
        current.put("events", String.join(",", endpoint.events()));
        current.put("description", endpoint.description() == null ? "" : endpoint.description());
        return drawSettings(model, endpoint, Form.of(current), false);
    }

    /** The address, events and description as typed; an empty description clears it. */
    @PostMapping("/company/webhooks/{id}/settings")
    String change(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        String wid = NoticesController.safe(id);
        Map<String, String> typed = Forms.typed(params);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", Objects.requireNonNullElse(Forms.text(typed, "url"), ""));
        body.put("events", params.getOrDefault("events", List.of()).stream().filter(e -> e != null && !e.isBlank()).toList());
        body.put("description", Objects.requireNonNullElse(Forms.text(typed, "description"), ""));
        ApiResult<JsonNode> result = apis.current().patch("/api/v1/webhooks/" + wid, body);
        return switch (result) {
            case ApiResult.Ok<JsonNode> ok -> {
                redirect.addFlashAttribute("done", "changed");
                yield "redirect:/company/webhooks/" + wid;
            }
            case ApiResult.Refused<JsonNode> refused when refused.problem().status() == 404
                    || refused.problem().status() == 403 -> throw new NotFoundPage();
            case ApiResult.Refused<JsonNode> refused -> {
                response.setStatus(Forms.refusedFormStatus(refused));
                yield drawSettings(model, endpointOf(wid), Form.of(typed).refusedBy(Forms.byField(refused.problem())), false);
            }
            case ApiResult.Unavailable<JsonNode> unavailable -> {
                response.setStatus(503);
                yield drawSettings(model, new WebhookJson.Endpoint(wid, null, Forms.text(typed, "url"), List.of(), null, null,
                        null, null), Form.of(typed), true);
            }
        };
    }

    private WebhookJson.Endpoint endpointOf(String wid) {
        return apis.current().get("/api/v1/webhooks/" + wid, WebhookJson.Endpoint.class).orNotFound();
    }

    private static String drawSettings(Model model, WebhookJson.Endpoint endpoint, Form form, boolean notSaved) {
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("form", form);
        model.addAttribute("eventTypes", WebhookJson.EVENT_TYPES);
        model.addAttribute("notSaved", notSaved);
        return "notices/webhook-edit";
    }

    @PostMapping("/company/webhooks/{id}/secret-rotation")
    String rotate(@PathVariable String id, Model model, HttpServletResponse response) {
        String wid = NoticesController.safe(id);
        JsonNode answer = apis.current().post("/api/v1/webhooks/" + wid + "/secret-rotation", null, null).orNotFound();
        return drawEndpoint(model, wid, null, new WebhookJson.Secret(wid, answer.path("secret").asString(null),
                instant(answer.path("previousSecretExpiresAt").asString(null))), response);
    }

    @PostMapping("/company/webhooks/{id}/enabled")
    String enable(@PathVariable String id, @RequestParam String enabled, RedirectAttributes redirect) {
        String wid = NoticesController.safe(id);
        boolean on = "true".equals(enabled);
        ApiResult<JsonNode> result = apis.current().patch("/api/v1/webhooks/" + wid, Map.of("enabled", on));
        return after(result, wid, on ? "enabled" : "disabled", redirect);
    }

    @PostMapping("/company/webhooks/{id}/deliveries/{deliveryId}/redelivery")
    String redeliver(@PathVariable String id, @PathVariable String deliveryId, RedirectAttributes redirect) {
        String wid = NoticesController.safe(id);
        ApiResult<JsonNode> result = apis.current().post("/api/v1/webhooks/" + wid + "/deliveries/"
                + NoticesController.safe(deliveryId) + "/redelivery", null, null);
        return after(result, wid, "redelivered", redirect);
    }

    /** Back to the endpoint with what happened; a refusal the page shows (a 409, say) rather than an error page. */
    private static String after(ApiResult<JsonNode> result, String wid, String done, RedirectAttributes redirect) {
        switch (result) {
            case ApiResult.Ok<JsonNode> ok -> redirect.addFlashAttribute("done", done);
            case ApiResult.Refused<JsonNode> refused when refused.problem().status() == 404
                    || refused.problem().status() == 403 -> throw new NotFoundPage();
            case ApiResult.Refused<JsonNode> refused -> redirect.addFlashAttribute("failed",
                    refused.problem().detail() != null ? refused.problem().detail() : refused.problem().title());
            case ApiResult.Unavailable<JsonNode> unavailable -> redirect.addFlashAttribute("failed", "");
        }
        return "redirect:/company/webhooks/" + wid;
    }

    // ---- deletion, confirmed ----------------------------------------------------------------------

    @GetMapping("/company/webhooks/{id}/deletion")
    String confirmDeletion(@PathVariable String id, Model model) {
        model.addAttribute("endpoint", endpointOf(NoticesController.safe(id)));
        return "notices/webhook-delete";
    }

    @PostMapping("/company/webhooks/{id}/deletion")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        String wid = NoticesController.safe(id);
        apis.current().delete("/api/v1/webhooks/" + wid).orNotFound();
        redirect.addFlashAttribute("done", "deleted");
        return "redirect:/company/webhooks";
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static Instant instant(String iso) {
        try {
            return iso == null ? null : Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

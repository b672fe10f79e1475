package org.parley.portal.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.parley.portal.api.ApiResult;
import org.parley.portal.api.Apis;
import org.parley.portal.web.Form;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The frameworks stakeholders pledge to, and publishing a new one with its clauses. The clauses
 * are a repeating group: "add another clause" sends the form and draws it again with one more
 * row, so it works without scripts.
 */
@Controller
class FrameworksController {

    static final ParameterizedTypeReference<AdminJson.Listing<AdminJson.Framework>> FRAMEWORKS =
            new ParameterizedTypeReference<>() {
            };
    static final int FIRST_ROWS = 2;
    static final int MAX_ROWS = 200;

    private final Apis apis;

    FrameworksController(Apis apis) {
        this.apis = apis;
    }

    @GetMapping("/admin/frameworks")
    String list(@RequestParam(required = false) String pageToken, Model model) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/v1/frameworks")
                .queryParam("pageSize", StakeholdersController.PAGE_SIZE);
        if (pageToken != null && pageToken.matches("[A-Za-z0-9_=-]{1,200}")) {
            uri.queryParam("pageToken", pageToken);
        }
        ApiResult<AdminJson.Listing<AdminJson.Framework>> page = apis.current().get(uri.build().toUriString(), FRAMEWORKS);
        model.addAttribute("frameworks", page.answer().map(AdminJson.Listing::items).orElse(null));
        model.addAttribute("nextPage", page.answer().map(AdminJson.Listing::nextPageToken).filter(t -> !t.isBlank())
                .map(t -> "/admin/frameworks?pageToken=" + t).orElse(null));
        if (!model.containsAttribute("published")) {
            model.addAttribute("published", null);
        }
        return "admin/frameworks";
    }

    @GetMapping("/admin/frameworks/new")
    String form(Model model) {
        return draw(model, Form.of(Map.of("idempotencyKey", AdminForms.newKey())), FIRST_ROWS, false);
    }

    @PostMapping("/admin/frameworks")
    String publish(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> typed = AdminForms.typed(params);
        int rows = AdminForms.rows(typed, "clauses", 1, MAX_ROWS);
        if (typed.containsKey("addClause")) {
            return draw(model, Form.of(typed), Math.min(MAX_ROWS, rows + 1), false);
        }
        List<Map<String, Object>> clauses = new ArrayList<>();
        List<Integer> sent = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            String number = AdminForms.text(typed, "clauses[" + row + "].number");
            String text = AdminForms.text(typed, "clauses[" + row + "].text");
            if (number == null && text == null) {
                continue;  // a row left empty is no clause
            }
            Map<String, Object> clause = new LinkedHashMap<>();
            clause.put("number", number);
            clause.put("text", text);
            clauses.add(clause);
            sent.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", AdminForms.text(typed, "name"));
        body.put("sourceUrl", AdminForms.text(typed, "sourceUrl"));
        body.put("description", AdminForms.text(typed, "description"));
        body.put("clauses", clauses);
        ApiResult<JsonNode> result = apis.current().post("/api/v1/frameworks", body, AdminForms.text(typed, "idempotencyKey"));
        return switch (result) {
            case ApiResult.Ok<JsonNode> ok -> {
                redirect.addFlashAttribute("published", ok.value().path("name").asString(""));
                yield "redirect:/admin/frameworks";
            }
            case ApiResult.Refused<JsonNode> refused -> {
                response.setStatus(AdminForms.status(refused));
                yield draw(model, Form.of(typed).refusedBy(AdminForms.renamed(refused.problem(),
                        field -> AdminForms.row(field, "clauses", sent))), rows, false);
            }
            case ApiResult.Unavailable<JsonNode> unavailable -> {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                yield draw(model, Form.of(typed), rows, true);
            }
        };
    }

    private String draw(Model model, Form form, int rows, boolean unavailable) {
        model.addAttribute("form", form);
        model.addAttribute("rows", AdminForms.range(rows));
        model.addAttribute("unavailable", unavailable);
        return "admin/framework-form";
    }
}

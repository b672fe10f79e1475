package org.parley.portal.notices;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.parley.portal.api.Api;
import org.parley.portal.api.ApiResult;
import org.parley.portal.api.NotFoundPage;
import org.parley.portal.api.Problem;
import org.parley.portal.signin.Viewer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/** What the desks' pages share: reading forms as typed, lists as the API pages them. */
public final class Forms {

    /** The API answers at most this many items a page; the desk reads a few pages at most. */
    static final int PAGE_SIZE = 500;
    static final int MAX_PAGES = 10;

    private Forms() {
    }

    /** The form as typed: one value per field, several values of one field joined by commas. */
    public static Map<String, String> typed(MultiValueMap<String, String> params) {
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((name, list) -> {
            if (!"_csrf".equals(name) && list != null) {
                values.put(name, String.join(",", list.stream().map(v -> v == null ? "" : v).toList()));
            }
        });
        return values;
    }

    public static String text(Map<String, String> values, String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** "DE, fr  AT" → [DE, FR, AT]: codes as a person types them, separated by commas or spaces. */
    static List<String> codes(String typed, boolean upper) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.split("[,;\\s]+")).filter(s -> !s.isBlank())
                .map(s -> upper ? s.toUpperCase(java.util.Locale.ROOT) : s.toLowerCase(java.util.Locale.ROOT))
                .toList();
    }

    /** yes → true, no → false, anything else → null (the API says it is required). */
    static Boolean yesNo(String typed) {
        return "yes".equals(typed) ? Boolean.TRUE : "no".equals(typed) ? Boolean.FALSE : null;
    }

    /** The company the signed-in responder acts for, as a path segment; without one the page is not there. */
    static String actingCompany() {
        Viewer viewer = Viewer.of(SecurityContextHolder.getContext().getAuthentication());
        if (viewer == null || viewer.stakeholderId() == null) {
            throw new NotFoundPage();
        }
        return NoticesController.safe(viewer.stakeholderId());
    }

    /** The status a refused form is shown again with: what the API found wrong in it is 422, the rest as it came. */
    static int refusedFormStatus(ApiResult.Refused<JsonNode> refused) {
        int status = refused.problem().status();
        return status == 400 || status == 422 ? 422 : status;
    }

    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    /**
     * The API names list entries by index ({@code territorialScope[1]}); the form has one field for the
     * list, so their messages go beside it.
     */
    static Problem byField(Problem problem) {
        Map<String, String> fields = new LinkedHashMap<>();
        problem.fieldErrors().forEach((field, message) -> fields.merge(field.replaceAll("\\[\\d+]$", ""), message,
                (a, b) -> a.equals(b) ? a : a + " " + b));
        return new Problem(problem.status(), problem.title(), problem.detail(), fields, problem.findings(),
                problem.retryAfter());
    }

    /** Every page of a list, up to {@link #MAX_PAGES}: the API pages oldest first and has no sort order. */
    public static <T> ApiResult<List<T>> all(Api api, String path, ParameterizedTypeReference<Json.Listing<T>> type) {
        List<T> items = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String separator = path.contains("?") ? "&" : "?";
            String url = path + separator + "pageSize=" + PAGE_SIZE
                    + (token == null ? "" : "&pageToken=" + token);  // tokens are URL-safe base64
            ApiResult<Json.Listing<T>> result = api.get(url, type);
            if (!(result instanceof ApiResult.Ok<Json.Listing<T>> ok)) {
                @SuppressWarnings("unchecked")
                ApiResult<List<T>> failed = (ApiResult<List<T>>) (ApiResult<?>) result;
                return failed;
            }
            items.addAll(ok.value().items());
            token = ok.value().nextPageToken();
            if (token == null || token.isBlank()) {
                break;
            }
        }
        return new ApiResult.Ok<>(items, 200, null);
    }
}

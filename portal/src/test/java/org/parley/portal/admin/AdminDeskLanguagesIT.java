package org.parley.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.portal.admin.AdminJsonFixtures.STREAMLY;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.portal.support.PortalTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;

/** Every page of the desk drawn in every language the desk has words for, Arabic right to left. */
@PortalTest
@TestPropertySource(properties = "parley.portal.languages=en,fr,de,ar")
class AdminDeskLanguagesIT extends PortalTest.Base {

    @BeforeEach
    void api() {
        API.on("GET", "/api/v1/stakeholders", 200, AdminJsonFixtures.page(null, AdminJsonFixtures.streamly("SUSPENDED")));
        API.on("GET", "/api/v1/stakeholders/" + STREAMLY, 200, AdminJsonFixtures.streamly("ACTIVE"));
        API.on("GET", "/api/v1/stakeholders/" + STREAMLY + "/members", 200,
                AdminJsonFixtures.page(null, AdminJsonFixtures.member("rita")));
        API.on("GET", "/api/v1/frameworks", 200, AdminJsonFixtures.page(null, AdminJsonFixtures.framework()));
        API.on("GET", "/api/v1/standards/active", 200, AdminJsonFixtures.standards());
        API.on("GET", "/api/v1/admin/audit/stakeholder/verification", 200, AdminJsonFixtures.verification(true, 12, null));
        API.on("GET", "/api/v1/admin/audit/request/verification", 200, AdminJsonFixtures.verification(false, 12, 4L));
        API.on("GET", "/api/v1/admin/audit/appeal/verification", 503, "{}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "de", "ar"})
    void everyPageIsDrawnInTheLanguageWithOneHeading(String language) throws Exception {
        FlashMap account = new FlashMap();
        account.put("account", new NewAccount(STREAMLY, "kc-1", "nina@streamly.example", "nina@streamly.example", "Nina Neu",
                List.of("company-responder"), "TEMPORARY_PASSWORD", "Tq7-kP2x-9wLm"));
        List<MockHttpServletRequestBuilder> pages = List.of(
                get("/admin"), get("/admin/stakeholders"), get("/admin/stakeholders/new"),
                get("/admin/stakeholders/" + STREAMLY),
                get("/admin/stakeholders/" + STREAMLY + "/status").param("to", "SUSPENDED"),
                get("/admin/stakeholders/" + STREAMLY + "/status").param("to", "ACTIVE"),
                get("/admin/stakeholders/" + STREAMLY + "/members/new")
                        .requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, account),
                get("/admin/stakeholders/" + STREAMLY + "/members/new"),
                get("/admin/frameworks"), get("/admin/frameworks/new"), get("/admin/standards"), get("/admin/audit"),
                post("/admin/standards/preview").with(csrf()).param("document",
                        AdminJsonFixtures.standards().replace("\"transparencyK\":5", "\"transparencyK\":7")
                                .replace("{\"code\":\"VIOLENT_EXTREMISM\"", "{\"code\":\"VIOLENT_EXTREMISM_2\"")));
        for (MockHttpServletRequestBuilder page : pages) {
            MvcResult result = mvc.perform(page.param("lang", language).with(signedIn("admin", null, "admin"))).andReturn();
            String html = result.getResponse().getContentAsString();
            String what = language + " " + result.getRequest().getRequestURI();
            assertThat(result.getResponse().getStatus()).as(what).isEqualTo(200);
            assertThat(html).as(what).contains("<html lang=\"" + language + "\" dir=\"" + ("ar".equals(language) ? "rtl" : "ltr") + "\">");
            assertThat(Pattern.compile("<h1[ >]").matcher(html).results().count()).as(what).isEqualTo(1);
            // no placeholder left unfilled (a missing word fails the page itself)
            assertThat(html).as(what).doesNotContain("{0}", "{1}", "{2}");
        }
    }
}

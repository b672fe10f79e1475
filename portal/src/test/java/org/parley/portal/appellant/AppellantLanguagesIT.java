package org.parley.portal.appellant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.portal.appellant.AppellantJson.DISCLOSED;
import static org.parley.portal.appellant.AppellantJson.STANDARDS;
import static org.parley.portal.appellant.AppellantJson.notice;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.parley.portal.support.PortalTest;
import org.springframework.test.context.TestPropertySource;

/** The notice in German and in Arabic, the portal offering all four languages. */
@PortalTest
@TestPropertySource(properties = "parley.portal.languages=en,fr,de,ar")
class AppellantLanguagesIT extends PortalTest.Base {

    static final String N1 = "01930000-0000-7000-8000-0000000e0001";


    private String noticeIn(String language) throws Exception {
        API.on("GET", "/api/v1/notices/" + N1, 200, notice(N1, "N-7K3P-QX2M", "TERRORIST_CONTENT", DISCLOSED, true, null));
        API.on("GET", "/api/v1/standards/active", 200, STANDARDS);
        return mvc.perform(get("/my/notices/" + N1).with(signedIn("appellant-1", null, "appellant"))
                        .header("Accept-Language", language))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void inGermanTheNoticeIsGermanAndAsksTheApiInGerman() throws Exception {
        String page = noticeIn("de");
        assertThat(page).contains("<html lang=\"de\" dir=\"ltr\">")
                .contains("<h1>Mitteilung N-7K3P-QX2M</h1>")
                .contains("Nur in: Deutschland (DE), Frankreich (FR)")
                .contains("Der Dienst hält den Inhalt für rechtswidrig.")
                .contains("Verfasst von Streamly Video auf Deutsch und unverändert wiedergegeben.")
                .contains("Entfernungsanordnung")
                .contains("Bundeskriminalamt")
                .contains("<option value=\"de\" selected>");
        assertThat(API.calls("GET", "/api/v1/notices/" + N1).getFirst().header("Accept-Language")).isEqualTo("de");
    }

    @Test
    void inArabicTheNoticeReadsRightToLeftWithTheCompanysTextMarkedGerman() throws Exception {
        String page = noticeIn("ar");
        assertThat(page).contains("<html lang=\"ar\" dir=\"rtl\">")
                .contains("<h1>الإشعار N-7K3P-QX2M</h1>")
                .contains("ترى الخدمة أن المحتوى غير قانوني.")
                .contains("أمر إزالة")
                .contains("lang=\"de\">Das Video ruft dazu auf, die genannte Gruppe anzugreifen.</p>")
                .contains("<option value=\"ar\" selected>");
        assertThat(API.calls("GET", "/api/v1/notices/" + N1).getFirst().header("Accept-Language")).isEqualTo("ar");
    }
}

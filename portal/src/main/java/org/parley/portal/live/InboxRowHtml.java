package org.parley.portal.live;

import java.util.Map;
import java.util.Optional;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.parley.portal.api.Api;
import org.parley.portal.company.InboxRows;
import org.parley.portal.web.Page;
import org.springframework.stereotype.Component;

/** A pushed row is drawn by the inbox's own row template, so it looks exactly like the others. */
@Component
class InboxRowHtml implements InboxRowSource {

    private final TemplateEngine templates;

    InboxRowHtml(TemplateEngine templates) {
        this.templates = templates;
    }

    @Override
    public Optional<String> html(Api api, Page page, String requestId) {
        return InboxRows.row(api, requestId).map(row -> {
            StringOutput html = new StringOutput();
            templates.render(InboxRows.TEMPLATE + ".jte", Map.of("page", page, "row", row), html);
            return html.toString();
        });
    }
}

package org.parley.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Base64;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Reading a message as the mail server hands it over: multipart, quoted-printable and base64 parts. */
class MailboxTest {

    @Test
    void theTextAndHtmlPartsAreDecodedAndTheLinkIsFoundWhole() {
        String link = "http://localhost:8180/realms/parley/login-actions/action-token?key=eyJhbGciOi.payload.sig&client_id=parley-portal&tab_id=Ab3";
        // quoted-printable breaks long lines with "=" and writes "=" itself as "=3D"
        String quoted = "Someone has created a Parley account with this email address. Confirm it: " + link
                .replace("=", "=3D").replace("action-token?", "action-to=\r\nken?") + "\r\n=C3=A9t=C3=A9\r\n";
        String html = Base64.getMimeEncoder().encodeToString(("<p><a href=\"" + link.replace("&", "&amp;") + "\">Confirm</a></p>")
                .getBytes(StandardCharsets.UTF_8));
        String mime = "Subject: Verify email\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; \r\n\tboundary=\"----=_Part_0_1\"\r\n\r\n"
                + "------=_Part_0_1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + quoted + "\r\n"
                + "------=_Part_0_1\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + html + "\r\n------=_Part_0_1--\r\n";

        StringBuilder text = new StringBuilder();
        StringBuilder htmlText = new StringBuilder();
        Mailbox.decode(mime, text, htmlText);
        Mailbox.Mail mail = new Mailbox.Mail("Verify email", text.toString(), htmlText.toString());

        assertThat(mail.text()).contains("Confirm it:").contains("été");
        assertThat(mail.html()).contains("<a href=");
        assertThat(mail.link("/login-actions/action-token")).isEqualTo(URI.create(link));
        assertThat(mail.links()).hasSize(1);
    }
}

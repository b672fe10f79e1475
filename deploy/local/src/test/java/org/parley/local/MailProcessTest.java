package org.parley.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mail server listens on the loopback address only, on the ports Keycloak and the tests are given. */
class MailProcessTest {

    @Test
    void smtpAndTheApiListenOnLoopbackOnTheirFixedPortsWithoutLogins() {
        MailProcess mail = MailProcess.locate(DevRealmTest.REPO);
        List<String> command = mail.command(Path.of("/jdk"));

        assertThat(command.getFirst()).isEqualTo("/jdk/bin/java");
        assertThat(command).contains("-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=3025",
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=8025", "-Dgreenmail.auth.disabled");
        assertThat(command.getLast()).endsWith("greenmail-standalone.jar");
        assertThat(Topology.portsOf(Topology.MAIL)).containsExactly(3025, 8025);
        assertThat(Topology.mailApiUrl()).hasToString("http://127.0.0.1:8025");
    }
}

package org.parley.portal.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ViewerStartPageTest {

    private static String start(String... roles) {
        return new Viewer("someone", "Someone", Set.of(roles), null).startPage();
    }

    @Test
    void eachRoleLandsOnItsDesk() {
        assertThat(start(Viewer.LIAISON)).isEqualTo("/liaison");
        assertThat(start(Viewer.RESPONDER)).isEqualTo("/company");
        assertThat(start(Viewer.REVIEWER)).isEqualTo("/reviewer");
        assertThat(start(Viewer.APPELLANT)).isEqualTo("/my");
        assertThat(start(Viewer.ADMIN)).isEqualTo("/admin");
        assertThat(start()).isEqualTo("/");
    }
}

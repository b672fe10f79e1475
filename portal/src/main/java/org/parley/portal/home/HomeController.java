package org.parley.portal.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front door: what Parley is, and where each person goes next. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }

    /** A plain link for "Sign in": the OAuth2 flow starts at Spring Security's own path. */
    @GetMapping("/signin")
    String signIn() {
        return "redirect:" + org.parley.portal.signin.SignInConfiguration.SIGN_IN;
    }
}

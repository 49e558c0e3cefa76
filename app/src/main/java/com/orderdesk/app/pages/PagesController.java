package com.orderdesk.app.pages;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.Map;

/** The web admin's entry points; the pages themselves are static and talk only to the public API. */
@Controller
public class PagesController {

    @GetMapping("/login")
    public String login() {
        return "forward:/login.html";
    }

    @GetMapping("/")
    public String home() {
        return "forward:/index.html";
    }

    /** Where the gateway sends the guest back after paying: their order page. */
    @GetMapping("/my/orders/{orderId}")
    public String guestOrder() {
        return "forward:/my-order.html";
    }

    /** The CSRF token for forms that post before any page has set the cookie (the login form). */
    @GetMapping(path = "/csrf", produces = "application/json")
    @ResponseBody
    public Map<String, String> csrf(CsrfToken token) {
        return Map.of("parameterName", token.getParameterName(), "headerName", token.getHeaderName(), "token", token.getToken());
    }
}

package com.orderdesk.app.pages;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;


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

    /** A CSRF token as the login form reads it. */
    public record Csrf(String headerName, String parameterName, String token) {
    }

    /**
     * The CSRF token for forms that post before any page has set the cookie (the login form). Read from the request
     * (not taken as a parameter: the document would describe Spring's interface, whose properties come in no stable
     * order, and the committed snapshot would differ from run to run).
     */
    @GetMapping(path = "/csrf", produces = "application/json")
    @ResponseBody
    public Csrf csrf(jakarta.servlet.http.HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new Csrf(token.getHeaderName(), token.getParameterName(), token.getToken());
    }
}

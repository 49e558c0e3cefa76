package com.orderdesk.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderdesk.app.web.Problems;
import com.orderdesk.shared.error.ErrorCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Who may call what, by path (API.md): staff change orders; auditors read and change nothing; guests reach
 * only {@code /api/my/**}; the gateway's webhook proves itself by its own scheme.
 */
@Configuration
public class SecurityConfiguration {
    private static final String[] STAFF = {"RENTAL_MANAGER", "SERVICE_MANAGER"};
    private static final String[] STAFF_AND_AUDITOR = {"RENTAL_MANAGER", "SERVICE_MANAGER", "AUDITOR"};
    private static final String[] EVERYONE = {"RENTAL_MANAGER", "SERVICE_MANAGER", "AUDITOR", "GUEST"};

    /**
     * The demo's gateway simulator checks the shop's own Basic credentials itself; it is not part of our user
     * security (only present in the demo profile).
     */
    /**
     * Spring Security's firewall refuses URLs that are not normalized ({@code //api/…}, {@code ;x=1}, encoded slashes):
     * the answer is problem+json like every other refusal.
     */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (request, response, rejected) -> Problems.write(response, json, ErrorCode.VALIDATION_FAILED,
                "Адрес запроса не принят: он должен быть без двойных косых черт, «;», «..» и закодированных разделителей.");
    }

    @Bean
    @Order(1)
    SecurityFilterChain gatewaySimulatorSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/simulator/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, ObjectProvider<JwtDecoder> jwtDecoder, SignInThrottle throttle)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) ->
                Problems.write(response, json, ErrorCode.UNAUTHENTICATED, "Требуется вход в систему.");
        AccessDeniedHandler forbidden = (request, response, e) ->
                Problems.write(response, json, ErrorCode.FORBIDDEN, "Недостаточно прав для этого действия.");
        http
                .authorizeHttpRequests(auth -> auth
                        // metrics, health and the SBOM (the dependency set, for checking advisories) live on the
                        // management port (not routed by the load balancer); the probes also answer here for load balancers
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus",
                                "/actuator/sbom", "/actuator/sbom/**").permitAll()
                        .requestMatchers("/livez", "/readyz").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/api/webhooks/**").permitAll()
                        // the link in every mail to a guest: its signed token is the proof, no login
                        .requestMatchers("/api/notifications/unsubscribe", "/api/notifications/confirm").permitAll()
                        // a token that names no role known here signs nobody in: 403, never a half-identity
                        .requestMatchers(HttpMethod.GET, "/api/catalog/**", "/api/me").hasAnyRole(EVERYONE)
                        .requestMatchers(HttpMethod.GET, "/api/orders", "/api/orders/**", "/api/reports/**", "/api/space/**").hasAnyRole(STAFF_AND_AUDITOR)
                        .requestMatchers("/api/orders", "/api/orders/**").hasAnyRole(STAFF)
                        // the reception (issue 30): the staff who let guests in
                        .requestMatchers("/api/reception/**").hasAnyRole(STAFF)
                        .requestMatchers("/api/my/**").hasRole("GUEST")
                        .requestMatchers("/api/audit/**", "/api/admin/**").hasRole("AUDITOR")
                        .requestMatchers("/api/**", "/actuator/**").denyAll()
                        .requestMatchers("/login", "/login.html", "/csrf", "/assets/**", "/favicon.ico", "/error").permitAll()
                        .anyRequest().authenticated())
                // No WWW-Authenticate challenge: browsers then never cache Basic credentials (which would make
                // cookie-less CSRF possible); API clients send credentials up front.
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                // people in a browser sign in once and keep a session cookie (no password check per request)
                .formLogin(form -> form.loginPage("/login").loginProcessingUrl("/login")
                        .successHandler((request, response, authentication) -> response.sendRedirect(
                                authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_GUEST"))
                                        ? "/my.html" : "/"))
                        .failureUrl("/login?error").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // a stranger's page request is not remembered for after the sign-in (which goes to the start page
                // by role): remembering it opened a session per anonymous request, an easy way to fill the heap
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(handling -> handling
                        .defaultAuthenticationEntryPointFor(unauthenticated, request -> request.getRequestURI().startsWith("/api/"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                        .accessDeniedHandler(forbidden))
                // CSRF protects cookie sessions: the pages send the XSRF-TOKEN cookie's value back as X-XSRF-TOKEN.
                // API calls with explicit credentials, or with no session at all, carry no ambient authority.
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                                || request.getRequestURI().equals("/api/notifications/unsubscribe")
                                || request.getRequestURI().equals("/api/notifications/confirm")
                                || (request.getRequestedSessionId() == null && request.getRequestURI().startsWith("/api/"))));
        // failed sign-ins are slowed per account and address: refused before the password is even checked
        http.addFilterBefore(new SignInThrottle.Gate(throttle, json),
                org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class);
        if (jwtDecoder.getIfAvailable() != null) {
            // production: bearer tokens from the issuer configured under spring.security.oauth2.resourceserver.jwt.*
            http.oauth2ResourceServer(oauth -> oauth.authenticationEntryPoint(unauthenticated)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtIdentities())));
        }
        return http.build();
    }

    /** Outside the demo there are no built-in identities and no generated default password. */
    @Bean
    @Profile("!demo")
    UserDetailsService noBuiltInUsers() {
        return username -> {
            throw new UsernameNotFoundException("No built-in users outside the demo profile");
        };
    }
}

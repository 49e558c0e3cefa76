package com.orderdesk.app.security;

import com.orderdesk.shared.value.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Production identities (API.md): a JWT bearer token from the configured issuer becomes an {@link OrderDeskUser}.
 * The role comes from the {@code roles} claim (a list or a string) or Keycloak's {@code realm_access.roles};
 * the display name from {@code name}, else {@code preferred_username}, else the subject; the e-mail from {@code email}. A token with no known
 * role signs nobody in to anything: every endpoint then answers 403.
 */
final class JwtIdentities implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Optional<Role> role = roles(jwt).stream().map(JwtIdentities::role).flatMap(Optional::stream)
                .filter(r -> r != Role.SYSTEM).findFirst();
        String name = Optional.ofNullable(jwt.getClaimAsString("name"))
                .or(() -> Optional.ofNullable(jwt.getClaimAsString("preferred_username"))).orElse(jwt.getSubject());
        if (role.isEmpty()) {
            return new UsernamePasswordAuthenticationToken(jwt.getSubject(), null, List.of());
        }
        // an e-mail proves an address only when the identity provider says it verified it (many tokens carry an
        // unverified or user-editable e-mail and no email_verified at all)
        String email = Boolean.TRUE.equals(jwt.getClaimAsBoolean("email_verified")) ? jwt.getClaimAsString("email") : null;
        OrderDeskUser user = new OrderDeskUser(jwt.getSubject(), null, name, role.get(), email);
        return new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities());
    }

    private static Collection<String> roles(Jwt jwt) {
        List<String> roles = new ArrayList<>();
        Object claim = jwt.getClaims().get("roles");
        if (claim instanceof Collection<?> list) {
            list.forEach(r -> roles.add(String.valueOf(r)));
        } else if (claim instanceof String single) {
            roles.add(single);
        }
        if (jwt.getClaims().get("realm_access") instanceof Map<?, ?> realm && realm.get("roles") instanceof Collection<?> list) {
            list.forEach(r -> roles.add(String.valueOf(r)));
        }
        return roles;
    }

    private static Optional<Role> role(String text) {
        try {
            return Optional.of(Role.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT).replaceFirst("^ROLE_", "")));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}

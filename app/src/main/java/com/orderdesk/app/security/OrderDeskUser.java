package com.orderdesk.app.security;

import com.orderdesk.shared.value.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/**
 * A signed-in person: login, display name for the timeline, one role, and the e-mail their identity gives (if any:
 * a guest's booking form starts with it).
 */
public record OrderDeskUser(String username, String password, String displayName, Role role, String email) implements UserDetails {

    public OrderDeskUser(String username, String password, String displayName, Role role) {
        this(username, password, displayName, role, null);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return username;
    }
}

package com.orderdesk.app.security;

import com.orderdesk.shared.value.Role;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo identities of API.md, only in the {@code demo} profile. Deliberately not a
 * {@code UserDetailsPasswordService}: Spring would otherwise re-encode the passwords with bcrypt at the first
 * login and every HTTP Basic request would pay for it (STACK.md).
 */
@Component
@Profile("demo")
public class DemoIdentities implements UserDetailsService {
    public static final List<OrderDeskUser> USERS = List.of(
            new OrderDeskUser("manager", "{noop}manager", "Ирина Соколова", Role.RENTAL_MANAGER),
            new OrderDeskUser("service", "{noop}service", "Пётр Иванов", Role.SERVICE_MANAGER),
            new OrderDeskUser("manager2", "{noop}manager2", "Анна Кузнецова", Role.RENTAL_MANAGER),
            new OrderDeskUser("auditor", "{noop}auditor", "Ольга Ревизорова", Role.AUDITOR),
            new OrderDeskUser("guest", "{noop}guest", "Алексей Трошков", Role.GUEST, "troshkov@example.com"),
            new OrderDeskUser("guest2", "{noop}guest2", "Мария Лебедева", Role.GUEST, "lebedeva@example.com"));

    private final Map<String, OrderDeskUser> byName = USERS.stream()
            .collect(Collectors.toMap(OrderDeskUser::username, Function.identity()));

    @Override
    public UserDetails loadUserByUsername(String username) {
        OrderDeskUser user = byName.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("No such demo user");
        }
        return user;
    }
}

package com.orderdesk.shared.value;

/** Who did something, as events remember it: id, display name, role and channel. */
public record Actor(String id, String name, Role role, Channel channel) {
    public Actor {
        id = Check.text(id, "actor.id", "идентификатор пользователя", 200);
        name = Check.text(name, "actor.name", "имя пользователя", Person.MAX_NAME);
        Check.present(role, "actor.role", "роль");
        Check.present(channel, "actor.channel", "канал");
    }

    public static Actor system(Channel channel) {
        return new Actor("system", "Система", Role.SYSTEM, channel);
    }

    public boolean isGuest() {
        return role == Role.GUEST;
    }
}

package com.orderdesk.shared.value;

/** A visitor: who sits there. */
public record Person(String name, Phone phone) {
    public static final int MAX_NAME = 200;

    public Person {
        name = Check.text(name, "name", "имя", MAX_NAME);
        Check.present(phone, "phone", "телефон");
    }
}

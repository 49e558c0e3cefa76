package com.orderdesk.shared.value;

/**
 * A visitor: who sits there, how to call them, and (if they gave one) where to write to them. The e-mail came with
 * {@code OrderPlaced} revision 2; orders placed before it have none ({@code OrderPlacedUpcaster}).
 */
public record Person(String name, Phone phone, String email) {
    public static final int MAX_NAME = 200;

    public Person {
        name = Check.text(name, "name", "имя", MAX_NAME);
        Check.present(phone, "phone", "телефон");
        email = Check.optionalEmail(email, "email", "электронная почта");
    }

    /** A visitor who gave no e-mail. */
    public Person(String name, Phone phone) {
        this(name, phone, null);
    }
}

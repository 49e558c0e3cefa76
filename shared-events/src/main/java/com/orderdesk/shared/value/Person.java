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
        // kept as given (events written before the address rules were strict still read); where mail can go is decided
        // by EmailAddress when an order is placed, before sending, and for receipts
        email = EmailAddress.normalized(email);
    }

    /** A visitor who gave no e-mail. */
    public Person(String name, Phone phone) {
        this(name, phone, null);
    }
}

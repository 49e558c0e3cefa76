package com.orderdesk.shared.value;

/** Who asked for the order, with their role as the seed shows it («Гость локации»). */
public record Applicant(String name, String role, Phone phone) {
    public static final String GUEST_ROLE = "Гость локации";
    public static final int MAX_ROLE = 100;

    public Applicant {
        name = Check.text(name, "applicant.name", "имя заявителя", Person.MAX_NAME);
        role = role == null || role.isBlank() ? GUEST_ROLE : Check.text(role, "applicant.role", "роль заявителя", MAX_ROLE);
        Check.present(phone, "applicant.phone", "телефон заявителя");
    }
}

package com.orderdesk.shared.order.receipt;

import com.orderdesk.shared.value.EmailAddress;
import com.orderdesk.shared.value.Person;

/** Where the cash register sends the receipt: the visitor's e-mail if they gave one, else their phone (digits, no «+»). */
public record ReceiptCustomer(String fullName, String email, String phone) {

    /** The visitor's address when mail can go there ({@link EmailAddress}), else their phone. */
    public static ReceiptCustomer of(Person visitor) {
        return EmailAddress.of(visitor.email()).map(email -> new ReceiptCustomer(visitor.name(), email, null))
                .orElseGet(() -> new ReceiptCustomer(visitor.name(), null, visitor.phone().digits()));
    }

    /** The contact as a person reads it. */
    public String contact() {
        return email != null ? email : phone == null ? "" : "+" + phone;
    }
}

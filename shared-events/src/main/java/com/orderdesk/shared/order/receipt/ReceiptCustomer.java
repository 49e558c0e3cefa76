package com.orderdesk.shared.order.receipt;

import com.orderdesk.shared.value.Person;

/** Where the cash register sends the receipt: the visitor's e-mail if they gave one, else their phone (digits, no «+»). */
public record ReceiptCustomer(String fullName, String email, String phone) {

    public static ReceiptCustomer of(Person visitor) {
        return visitor.email() != null ? new ReceiptCustomer(visitor.name(), visitor.email(), null)
                : new ReceiptCustomer(visitor.name(), null, visitor.phone().digits());
    }

    /** The contact as a person reads it. */
    public String contact() {
        return email != null ? email : phone == null ? "" : "+" + phone;
    }
}

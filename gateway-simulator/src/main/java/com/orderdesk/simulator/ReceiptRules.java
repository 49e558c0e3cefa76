package com.orderdesk.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Set;

/**
 * What YooKassa checks in receipt data before it takes a payment, capture, refund or receipt: whom to send it to,
 * well-formed positions, known codes — and that the positions add up to exactly the money.
 */
final class ReceiptRules {
    private static final Set<String> PAYMENT_MODES = Set.of("full_prepayment", "partial_prepayment", "advance", "full_payment",
            "partial_payment", "credit", "credit_payment");
    private static final Set<String> SETTLEMENT_TYPES = Set.of("cashless", "prepayment", "postpayment", "consideration", "cash");

    /** A refusal: the parameter at fault and why, as YooKassa's {@code invalid_request} says it. */
    record Problem(String parameter, String description) {
    }

    private ReceiptRules() {
    }

    /** Receipt data sent with a payment, capture or refund of {@code amount}. */
    static Problem check(JsonNode receipt, BigDecimal amount) {
        JsonNode customer = receipt.path("customer");
        if (customer.path("email").asText("").isBlank() && customer.path("phone").asText("").isBlank()) {
            return new Problem("receipt.customer", "Receipt needs the customer's email or phone");
        }
        JsonNode items = receipt.path("items");
        if (!items.isArray() || items.isEmpty() || items.size() > 100) {
            return new Problem("receipt.items", "Receipt needs 1 to 100 items");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = "receipt.items[" + i + "]";
            String description = item.path("description").asText("");
            if (description.isBlank() || description.length() > 128) {
                return new Problem(at + ".description", "Item description must be 1 to 128 characters");
            }
            BigDecimal quantity;
            BigDecimal price;
            try {
                quantity = new BigDecimal(item.path("quantity").asText(""));
                price = new BigDecimal(item.path("amount").path("value").asText(""));
            } catch (NumberFormatException e) {
                return new Problem(at, "Item quantity and amount must be numbers");
            }
            if (quantity.signum() <= 0 || price.signum() <= 0 || price.scale() > 2 || !"RUB".equals(item.path("amount").path("currency").asText())) {
                return new Problem(at + ".amount", "Item quantity and amount must be positive, in RUB with at most 2 decimals");
            }
            int vat = item.path("vat_code").asInt(0);
            if (vat < 1 || vat > 12) {
                return new Problem(at + ".vat_code", "Unknown vat_code " + item.path("vat_code").asText());
            }
            if (!PAYMENT_MODES.contains(item.path("payment_mode").asText(""))) {
                return new Problem(at + ".payment_mode", "Unknown payment_mode " + item.path("payment_mode").asText());
            }
            if (item.path("payment_subject").asText("").isBlank()) {
                return new Problem(at + ".payment_subject", "Item needs a payment_subject");
            }
            sum = sum.add(price.multiply(quantity));
        }
        if (amount != null && sum.compareTo(amount) != 0) {
            return new Problem("receipt.items", "The sum of the items (" + sum.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
                    + ") is not the amount (" + amount.setScale(2).toPlainString() + ")");
        }
        if (receipt.has("tax_system_code") && (receipt.path("tax_system_code").asInt(0) < 1 || receipt.path("tax_system_code").asInt(0) > 6)) {
            return new Problem("receipt.tax_system_code", "tax_system_code must be 1 to 6");
        }
        return null;
    }

    /** A receipt of its own: the same, and its settlements add up to its items. */
    static Problem checkOwn(JsonNode request) {
        String type = request.path("type").asText("");
        if (!type.equals("payment") && !type.equals("refund")) {
            return new Problem("type", "type must be payment or refund");
        }
        if (!request.path("send").asBoolean(false)) {
            return new Problem("send", "send must be true");
        }
        if (request.path("payment_id").asText("").isBlank() && request.path("refund_id").asText("").isBlank()) {
            return new Problem("payment_id", "A receipt names its payment_id or refund_id");
        }
        JsonNode settlements = request.path("settlements");
        if (!settlements.isArray() || settlements.isEmpty()) {
            return new Problem("settlements", "Receipt needs settlements");
        }
        BigDecimal settled = BigDecimal.ZERO;
        for (JsonNode settlement : settlements) {
            if (!SETTLEMENT_TYPES.contains(settlement.path("type").asText(""))) {
                return new Problem("settlements", "Unknown settlement type " + settlement.path("type").asText());
            }
            try {
                settled = settled.add(new BigDecimal(settlement.path("amount").path("value").asText("")));
            } catch (NumberFormatException e) {
                return new Problem("settlements", "Settlement amount must be a number");
            }
        }
        return check(request, settled);
    }
}

package com.orderdesk.payment.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.order.receipt.ReceiptItem;
import com.orderdesk.shared.order.receipt.Settlement;
import com.orderdesk.shared.value.Money;

import java.util.List;

/** The receipt as YooKassa API v3 spells it (the {@code receipt} object; a receipt of its own; the answer about one). */
final class ReceiptJson {
    /** YooKassa's limit on an item's description. */
    static final int MAX_DESCRIPTION = 128;

    private final ObjectMapper json;
    private final Integer taxSystemCode;

    ReceiptJson(ObjectMapper json, Integer taxSystemCode) {
        this.json = json;
        this.taxSystemCode = taxSystemCode;
    }

    ObjectNode receipt(Receipt receipt) {
        ObjectNode node = json.createObjectNode();
        ObjectNode customer = node.putObject("customer");
        if (receipt.customer().fullName() != null) {
            customer.put("full_name", receipt.customer().fullName());
        }
        if (receipt.customer().email() != null) {
            customer.put("email", receipt.customer().email());
        }
        if (receipt.customer().phone() != null) {
            customer.put("phone", receipt.customer().phone());
        }
        ArrayNode items = node.putArray("items");
        for (ReceiptItem item : receipt.items()) {
            ObjectNode line = items.addObject();
            String description = item.description();
            line.put("description", description.length() > MAX_DESCRIPTION ? description.substring(0, MAX_DESCRIPTION) : description);
            line.put("quantity", item.quantity() + ".00");
            line.set("amount", amount(item.unitPrice()));
            line.put("vat_code", item.vatCode());
            line.put("payment_mode", item.paymentMode().wire());
            line.put("payment_subject", item.paymentSubject());
        }
        if (taxSystemCode != null) {
            node.put("tax_system_code", taxSystemCode);
        }
        return node;
    }

    ObjectNode settlementReceipt(String paymentId, Receipt receipt, List<Settlement> settlements) {
        ObjectNode node = receipt(receipt);
        node.put("type", "payment");
        node.put("payment_id", paymentId);
        node.put("send", true);
        ArrayNode parts = node.putArray("settlements");
        for (Settlement settlement : settlements) {
            ObjectNode part = parts.addObject();
            part.put("type", settlement.type().wire());
            part.set("amount", amount(settlement.amount()));
        }
        return node;
    }

    /** A refund receipt of its own (the refund was made without one): the money went back to the card it came from. */
    ObjectNode refundReceipt(String refundId, String paymentId, Receipt receipt) {
        ObjectNode node = receipt(receipt);
        node.put("type", "refund");
        node.put("refund_id", refundId);
        node.put("payment_id", paymentId);
        node.put("send", true);
        ObjectNode part = node.putArray("settlements").addObject();
        part.put("type", "cashless");
        part.set("amount", amount(receipt.total()));
        return node;
    }

    private ObjectNode amount(Money money) {
        ObjectNode node = json.createObjectNode();
        node.put("value", money.value());
        node.put("currency", Money.CURRENCY);
        return node;
    }

    static PaymentGateway.GatewayReceipt gatewayReceipt(JsonNode node) {
        boolean settles = false;
        for (JsonNode settlement : node.path("settlements")) {
            settles |= "prepayment".equals(settlement.path("type").asText());
        }
        Money total = Money.ZERO;
        for (JsonNode item : node.path("items")) {
            Money price = Money.parse(item.path("amount").path("value").asText("0"), "amount");
            total = total.plus(price.times(new java.math.BigDecimal(item.path("quantity").asText("1")).longValue()));
        }
        return new PaymentGateway.GatewayReceipt(node.path("id").asText(null), node.path("type").asText(null),
                node.path("payment_id").asText(null), node.path("refund_id").asText(null), node.path("status").asText(null),
                settles, total, node.path("fiscal_document_number").asText(null), node.path("fiscal_storage_number").asText(null),
                node.path("fiscal_attribute").asText(null));
    }
}

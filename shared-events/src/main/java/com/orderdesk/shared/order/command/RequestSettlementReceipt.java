package com.orderdesk.shared.order.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The service is rendered: settle what was prepaid online with a settlement receipt, if anything was (the order
 * decides; asking twice decides once). {@code deskPaymentsInRegister}: the desk's payments go through the same cash
 * register, so the receipt settles them too.
 */
public record RequestSettlementReceipt(@TargetAggregateIdentifier String orderId, boolean deskPaymentsInRegister) {
}

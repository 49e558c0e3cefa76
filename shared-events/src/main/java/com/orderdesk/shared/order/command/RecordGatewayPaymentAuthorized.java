package com.orderdesk.shared.order.command;

import com.orderdesk.shared.value.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The gateway confirms (on asking) that the guest authorized an online payment that waits for capture. The order
 * decides how much of it to capture; idempotent by the gateway's payment id.
 */
public record RecordGatewayPaymentAuthorized(@TargetAggregateIdentifier String orderId, String gatewayPaymentId,
                                             Money amount) {
}

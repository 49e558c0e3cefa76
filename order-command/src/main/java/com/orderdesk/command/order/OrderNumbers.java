package com.orderdesk.command.order;

import com.orderdesk.shared.value.OrderNumber;

/**
 * Hands out order numbers: unique, increasing, never reused. Allocating again for the same order id
 * returns the number it already has. Runs inside the placing command's transaction.
 */
public interface OrderNumbers {
    OrderNumber allocate(String orderId);
}

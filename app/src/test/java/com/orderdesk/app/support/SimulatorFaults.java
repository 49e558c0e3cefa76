package com.orderdesk.app.support;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderdesk.app.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the demo's gateway simulator misbehaves ({@code POST /simulator/control/faults}), written in one place: start from
 * {@link #none()}, say what goes wrong, {@link #applyTo} the running application.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE)
public final class SimulatorFaults {
    private static final ObjectMapper JSON = new ObjectMapper();

    private int failCreates;
    private int timeoutCreates;
    private int duplicates = 1;
    private boolean outOfOrder;
    private long delayMillis;
    private boolean dropNotifications;
    private boolean refuseRefunds;
    private boolean cancelReceipts;
    private boolean rejectReceipts;
    private int failReceiptCreates;
    private int failRefundCreates;

    private SimulatorFaults() {
    }

    /** A well-behaved gateway: each notification once, in order, at once. */
    public static SimulatorFaults none() {
        return new SimulatorFaults();
    }

    /** The next {@code times} payment creations fail. */
    public SimulatorFaults withFailedCreates(int times) {
        failCreates = times;
        return this;
    }

    /** Every notification delivered {@code times} times. */
    public SimulatorFaults withDuplicates(int times) {
        duplicates = times;
        return this;
    }

    /** Notifications out of order, each {@code delayMillis} late. */
    public SimulatorFaults withOutOfOrder(long delayMillis) {
        outOfOrder = true;
        this.delayMillis = delayMillis;
        return this;
    }

    /** No notification reaches the webhook. */
    public SimulatorFaults withDroppedNotifications() {
        dropNotifications = true;
        return this;
    }

    /** Refunds the service asks for are refused (the dashboard's still go through). */
    public SimulatorFaults withRefusedRefunds() {
        refuseRefunds = true;
        return this;
    }

    /** The register cancels every receipt. */
    public SimulatorFaults withCancelledReceipts() {
        cancelReceipts = true;
        return this;
    }

    /** The gateway refuses receipt data as invalid. */
    public SimulatorFaults withRejectedReceipts() {
        rejectReceipts = true;
        return this;
    }

    /** The register's API fails the next {@code times} receipt creations. */
    public SimulatorFaults withFailedReceiptCreates(int times) {
        failReceiptCreates = times;
        return this;
    }

    /** The gateway's API fails the next {@code times} refund requests (an outage: the service asks again later). */
    public SimulatorFaults withFailedRefundCreates(int times) {
        failRefundCreates = times;
        return this;
    }

    public void applyTo(Api anonymous) {
        try {
            Api.Response set = anonymous.post("/simulator/control/faults", JSON.writeValueAsString(this));
            assertThat(set.status()).as(set.toString()).isEqualTo(200);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

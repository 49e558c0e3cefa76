package com.orderdesk.command.web;

import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.PaymentPlan;
import com.orderdesk.shared.order.Visibility;
import com.orderdesk.shared.value.Applicant;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.Person;
import com.orderdesk.shared.value.RentalPeriod;

/** Bodies of the command endpoints (API.md). Value objects validate themselves while JSON is read. */
final class Requests {
    private Requests() {
    }

    public record PlaceOrderRequest(String serviceId, String tariffId, RentalPeriod rentalPeriod, String ticketNumber,
                                    Person visitor, Applicant applicant, PaymentPlan paymentPlan, String guestId) {
    }

    /** A guest places an order for themselves: no owner field, the signed-in guest owns it. */
    public record GuestPlaceOrderRequest(String serviceId, String tariffId, RentalPeriod rentalPeriod, String ticketNumber,
                                         Person visitor, Applicant applicant, PaymentPlan paymentPlan) {
    }

    public record GuestMessageRequest(String text) {
    }

    public record ManagerPaymentRequest(Money amount, PaymentMethod method, String note, String paymentId) {
    }

    public record ExecutorRequest(String executorId, String executorName) {
    }

    /** {@code refundAmount}: what of the paid money goes back; absent = everything, {@code 0.00} = nothing. */
    public record CancellationRequest(String reason, Money refundAmount) {
    }

    public record GuestCancellationRequest(String reason) {
    }

    /** Staff move an order: the new period, and why (shown on the timeline). */
    public record ReschedulingRequest(RentalPeriod rentalPeriod, String reason) {
    }

    /** The guest moves their booking: the new period. */
    public record GuestReschedulingRequest(RentalPeriod rentalPeriod) {
    }

    public record MessageRequest(Visibility visibility, String text) {
    }

    public record DeskRefundRequest(Money amount, PaymentMethod method, String refundId) {
    }

    public record PlacedOrder(String orderId, String number, long version) {
    }

    public record Changed(String orderId, long version) {
    }

    public record PaymentRecorded(String orderId, String paymentId, long version) {
    }

    public record MessageRecorded(String orderId, String messageId, long version) {
    }

    public record RefundRecorded(String orderId, String refundId, long version) {
    }
}

package com.orderdesk.shared.order.receipt;

import com.orderdesk.shared.order.OrderLine;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.Person;
import com.orderdesk.shared.value.Phone;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiptTest {
    private static final ReceiptCustomer CUSTOMER = ReceiptCustomer.of(new Person("Светлана Орлова", Phone.parse("+7 912 555-12-34")));
    private static final Instant START = Instant.parse("2026-12-02T05:00:00Z");

    @Test
    void theModeSaysWhetherMoneyCameBeforeTheRentalAndWhetherItIsTheWholePrice() {
        Money price = Money.ofRubles(400);
        assertThat(PaymentMode.of(START.minusSeconds(1), START, price, price)).isEqualTo(PaymentMode.FULL_PREPAYMENT);
        assertThat(PaymentMode.of(START.minusSeconds(1), START, Money.ofRubles(100), price)).isEqualTo(PaymentMode.PARTIAL_PREPAYMENT);
        assertThat(PaymentMode.of(START, START, price, price)).isEqualTo(PaymentMode.FULL_PAYMENT);
        assertThat(PaymentMode.of(START.plusSeconds(60), START, Money.ofRubles(100), price)).isEqualTo(PaymentMode.FULL_PAYMENT);
        assertThat(PaymentMode.PARTIAL_PREPAYMENT.wire()).isEqualTo("partial_prepayment");
    }

    @Test
    void aCustomerWithoutEmailIsReachedByPhoneDigits() {
        assertThat(CUSTOMER.phone()).isEqualTo("79125551234");
        assertThat(CUSTOMER.email()).isNull();
        ReceiptCustomer byMail = ReceiptCustomer.of(new Person("Светлана Орлова", Phone.parse("+7 912 555-12-34"), "orlova@example.com"));
        assertThat(byMail.email()).isEqualTo("orlova@example.com");
        assertThat(byMail.phone()).isNull();
    }

    @Test
    void aReceiptOfPartOfTheOrderKeepsTheLineAndItsVat() {
        List<OrderLine> lines = List.of(new OrderLine("Коворкинг, тариф «Стандарт»", 4, Money.ofRubles(100), Money.ofRubles(400), 11, "service"));
        Receipt quarter = Receipt.of(CUSTOMER, lines, Money.ofRubles(100), PaymentMode.PARTIAL_PREPAYMENT);
        assertThat(quarter.total()).isEqualTo(Money.ofRubles(100));
        assertThat(quarter.items()).singleElement().satisfies(item -> {
            assertThat(item.quantity()).isEqualTo(4);
            assertThat(item.unitPrice()).isEqualTo(Money.ofRubles(25));
            assertThat(item.vatCode()).isEqualTo(11);
            assertThat(item.paymentMode()).isEqualTo(PaymentMode.PARTIAL_PREPAYMENT);
        });
        // 33,33 ₽ of 4 hours does not divide: one position of its own sum
        Receipt odd = quarter.scaledTo(Money.ofMinor(3333));
        assertThat(odd.total()).isEqualTo(Money.ofMinor(3333));
        assertThat(odd.items().get(0).quantity()).isEqualTo(1);
    }

    @Test
    void scaledReceiptsAlwaysAddUpToTheKopeck() {
        Random random = new Random(15);
        for (int run = 0; run < 2000; run++) {
            int lines = 1 + random.nextInt(4);
            List<OrderLine> order = new java.util.ArrayList<>();
            long total = 0;
            for (int i = 0; i < lines; i++) {
                long quantity = 1 + random.nextInt(30);
                Money unit = Money.ofMinor(1 + random.nextInt(100_000));
                order.add(new OrderLine("Позиция " + i, quantity, unit, unit.times(quantity), 1 + random.nextInt(12), "service"));
                total += unit.times(quantity).minor();
            }
            Money part = Money.ofMinor(1 + (long) (random.nextDouble() * total));
            Receipt receipt = Receipt.of(CUSTOMER, order, part, PaymentMode.PARTIAL_PREPAYMENT);
            assertThat(receipt.total()).as("run " + run).isEqualTo(part);
            Money refund = Money.ofMinor(1 + (long) (random.nextDouble() * (part.minor() - 1)));
            assertThat(receipt.scaledTo(refund).total()).as("refund, run " + run).isEqualTo(refund);
        }
    }

    @Test
    void noReceiptIsMadeForMoreThanItsPositionsOrWithoutAVatCode() {
        List<OrderLine> lines = List.of(new OrderLine("Коворкинг", 4, Money.ofRubles(100), Money.ofRubles(400), 11, "service"));
        assertThatThrownBy(() -> Receipt.of(CUSTOMER, lines, Money.ofRubles(401), PaymentMode.FULL_PAYMENT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Receipt.of(CUSTOMER, List.of(new OrderLine("Коворкинг", 4, Money.ofRubles(100), Money.ofRubles(400))),
                Money.ofRubles(100), PaymentMode.FULL_PAYMENT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void largestRemaindersGiveEveryKopeckToSomeone() {
        assertThat(Receipt.allocate(100, new long[]{1, 1, 1})).containsExactly(34, 33, 33);
        assertThat(Receipt.allocate(2, new long[]{3, 3, 3})).containsExactly(1, 1, 0);
    }
}

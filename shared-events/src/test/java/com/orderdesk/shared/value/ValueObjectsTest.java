package com.orderdesk.shared.value;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.orderdesk.shared.error.InvalidValueException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueObjectsTest {
    private final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();

    @Nested
    class MoneyIsExact {
        @Test
        void parsesDecimalStringsIntoKopecks() {
            assertThat(Money.parse("400.00", "amount").minor()).isEqualTo(40_000);
            assertThat(Money.parse("0.1", "amount").minor()).isEqualTo(10);
            assertThat(Money.parse("49.99", "amount").minor()).isEqualTo(4_999);
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1.00", "1.001", "1e3", "", " 1", "1,00", "abc", "NaN", "1000000001.00", "99999999999999"})
        void rejectsNegativesFractionsOfKopecksExponentsAndAbsurdSizes(String value) {
            assertThatThrownBy(() -> Money.parse(value, "amount")).isInstanceOf(InvalidValueException.class);
        }

        @Test
        void neverNegative() {
            assertThatThrownBy(() -> Money.ofMinor(-1)).isInstanceOf(InvalidValueException.class);
            assertThat(Money.ofRubles(50).minusOrZero(Money.ofRubles(60))).isEqualTo(Money.ZERO);
        }

        @Test
        void percentRoundsHalfUpToTheKopeck() {
            assertThat(Money.ofMinor(40_000).percent(25)).isEqualTo(Money.ofMinor(10_000));
            assertThat(Money.ofMinor(333).percent(25)).isEqualTo(Money.ofMinor(83)); // 83.25
            assertThat(Money.ofMinor(330).percent(25)).isEqualTo(Money.ofMinor(83)); // 82.5 → 83
        }

        @Test
        void travelsAsValueAndCurrency() throws Exception {
            assertThat(json.writeValueAsString(Money.ofRubles(400))).isEqualTo("{\"value\":\"400.00\",\"currency\":\"RUB\"}");
            assertThat(json.readValue("{\"value\":\"250.50\",\"currency\":\"RUB\"}", Money.class)).isEqualTo(Money.ofMinor(25_050));
            assertThat(json.readValue("{\"value\":\"10\"}", Money.class)).isEqualTo(Money.ofRubles(10));
        }

        @Test
        void refusesOtherCurrenciesAndFloatingShapes() {
            assertThatThrownBy(() -> json.readValue("{\"value\":\"1.00\",\"currency\":\"USD\"}", Money.class))
                    .satisfies(ValueObjectsTest::invalidValue);
            assertThatThrownBy(() -> json.readValue("400.0", Money.class)).satisfies(ValueObjectsTest::invalidValue);
            assertThatThrownBy(() -> json.readValue("{\"value\":1.005}", Money.class)).satisfies(ValueObjectsTest::invalidValue);
        }

        @Test
        void readsAsRussiansWriteIt() {
            assertThat(Money.ofRubles(50).toRussianText()).isEqualTo("50\u00a0₽");
            assertThat(Money.ofMinor(25_000).toRussianText()).isEqualTo("250\u00a0₽");
            assertThat(Money.ofMinor(25_050).toRussianText()).isEqualTo("250,50\u00a0₽");
            assertThat(Money.ofRubles(12_000).toRussianText()).isEqualTo("12\u00a0000\u00a0₽");
            assertThat(Money.ofRubles(100_000).toRussianText()).isEqualTo("100\u00a0000\u00a0₽");
            assertThat(Money.ofMinor(123_456_789).toRussianText()).isEqualTo("1\u00a0234\u00a0567,89\u00a0₽");
            assertThat(Money.ofMinor(5).toRussianText()).isEqualTo("0,05\u00a0₽");
        }

        @Test
        void receiptsAndTheTimelineAlwaysShowKopecks() {
            assertThat(Money.ZERO.toRussianTextWithKopecks()).isEqualTo("0,00\u00a0₽");
            assertThat(Money.ofMinor(25_005).toRussianTextWithKopecks()).isEqualTo("250,05\u00a0₽");
            assertThat(Money.ofRubles(1_000).toRussianTextWithKopecks()).isEqualTo("1\u00a0000,00\u00a0₽");
            assertThat(Money.ofMinor(99_999_999).toRussianTextWithKopecks()).isEqualTo("999\u00a0999,99\u00a0₽");
        }
    }

    @Nested
    class PhoneIsAPhone {
        @ParameterizedTest
        @ValueSource(strings = {"+7 (342) 254-54-54", "+7 342 254-54-54", "8 342 254 54 54", "3422545454", "+73422545454"})
        void acceptsWhatPeopleType(String typed) {
            assertThat(Phone.parse(typed).e164()).isEqualTo("+73422545454");
            assertThat(Phone.parse(typed).display()).isEqualTo("+7 (342) 254-54-54");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "12345", "not a phone", "+7 342 254-54-5", "+7 342 254-54-544", "+0 123 456 7890", "phone: 3422545454"})
        void rejectsWhatIsNotAPhone(String typed) {
            assertThatThrownBy(() -> Phone.parse(typed)).isInstanceOf(InvalidValueException.class);
        }
    }

    @Nested
    class RentalPeriodIsForward {
        private final Instant start = Instant.parse("2023-08-11T11:00:00Z");

        @Test
        void rejectsEmptyAndReversedPeriods() {
            assertThatThrownBy(() -> new RentalPeriod(start, start)).isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("перевёрнут");
            assertThatThrownBy(() -> new RentalPeriod(start, start.minusSeconds(3600))).isInstanceOf(InvalidValueException.class);
        }

        @Test
        void rejectsAbsurdLengths() {
            assertThatThrownBy(() -> new RentalPeriod(start, start.plus(RentalPeriod.MAX_LENGTH).plusSeconds(1)))
                    .isInstanceOf(InvalidValueException.class);
        }

        @Test
        void countsEveryStartedHour() {
            assertThat(new RentalPeriod(start, start.plusSeconds(4 * 3600)).startedHours()).isEqualTo(4);
            assertThat(new RentalPeriod(start, start.plusSeconds(90 * 60)).startedHours()).isEqualTo(2);
            assertThat(new RentalPeriod(start, start.plusSeconds(60)).startedHours()).isEqualTo(1);
        }
    }

    /** Jackson may or may not wrap what a deserializer throws; the invalid value must be in the chain. */
    static void invalidValue(Throwable thrown) {
        Throwable t = thrown;
        while (t != null && !(t instanceof InvalidValueException)) {
            t = t.getCause();
        }
        assertThat(t).as("InvalidValueException in the cause chain of " + thrown).isNotNull();
    }

    @Test
    void orderNumbersHaveSevenDigits() {
        assertThat(OrderNumber.of(1_006_313).value()).isEqualTo("1006313");
        assertThatThrownBy(() -> new OrderNumber("123")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new OrderNumber("0123456")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> OrderNumber.of(10_000_000)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void textsAreTrimmedAndBounded() {
        assertThat(new Person("  Алексей Трошков ", Phone.parse("+73422545454")).name()).isEqualTo("Алексей Трошков");
        assertThatThrownBy(() -> new Person("   ", Phone.parse("+73422545454"))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Person("я".repeat(Person.MAX_NAME + 1), Phone.parse("+73422545454")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("не более 200");
        assertThat(new Applicant("Алексей", null, Phone.parse("+73422545454")).role()).isEqualTo("Гость локации");
    }
}

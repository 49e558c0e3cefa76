package com.orderdesk.shared.value;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.orderdesk.shared.error.InvalidValueException;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * An exact, non-negative amount of roubles in kopecks. On the wire: {@code {"value":"400.00","currency":"RUB"}}.
 */
@JsonSerialize(using = Money.Writer.class)
@JsonDeserialize(using = Money.Reader.class)
public record Money(long minor) implements Comparable<Money> {
    public static final String CURRENCY = "RUB";
    /** One billion roubles: anything above is a typo or an attack, never a coworking booking. */
    public static final long MAX_MINOR = 100_000_000_000L;
    public static final Money ZERO = new Money(0);

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");

    public Money {
        if (minor < 0) {
            throw new InvalidValueException("amount", "Сумма не может быть отрицательной.");
        }
        if (minor > MAX_MINOR) {
            throw new InvalidValueException("amount", "Сумма слишком велика.");
        }
    }

    public static Money ofMinor(long minor) {
        return new Money(minor);
    }

    public static Money ofRubles(long rubles) {
        return new Money(Math.multiplyExact(rubles, 100L));
    }

    /** Parses {@code "400"}, {@code "400.5"}, {@code "400.00"}; rejects signs, exponents and a third decimal. */
    public static Money parse(String value, String field) {
        if (value == null || !DECIMAL.matcher(value).matches()) {
            throw new InvalidValueException(field,
                    "Сумма должна быть неотрицательным числом с не более чем двумя знаками после точки, например \"400.00\".");
        }
        BigDecimal decimal = new BigDecimal(value);
        if (decimal.compareTo(BigDecimal.valueOf(MAX_MINOR, 2)) > 0) {
            throw new InvalidValueException(field, "Сумма слишком велика.");
        }
        return new Money(decimal.movePointRight(2).longValueExact());
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(minor, other.minor));
    }

    /** Difference, never below zero (callers compare first when the sign matters). */
    public Money minusOrZero(Money other) {
        return new Money(Math.max(0, minor - other.minor));
    }

    public Money times(long quantity) {
        return new Money(Math.multiplyExact(minor, quantity));
    }

    /** {@code percent} per cent of this amount, rounded half up to the kopeck. */
    public Money percent(int percent) {
        return new Money(BigDecimal.valueOf(minor).multiply(BigDecimal.valueOf(percent))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact());
    }

    public boolean isZero() {
        return minor == 0;
    }

    public boolean isPositive() {
        return minor > 0;
    }

    public boolean isGreaterThan(Money other) {
        return minor > other.minor;
    }

    public boolean isLessThan(Money other) {
        return minor < other.minor;
    }

    /** The API form: {@code "400.00"}. */
    public String value() {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }

    /** The form a Russian reader expects: {@code "400 ₽"}, {@code "250,50 ₽"}, {@code "12 000 ₽"}. */
    public String toRussianText() {
        return minor % 100 == 0 ? groupedRubles() + "\u00a0₽" : toRussianTextWithKopecks();
    }

    /** With kopecks always, as receipts and the timeline write it: {@code "250,00 ₽"}. */
    public String toRussianTextWithKopecks() {
        long kopecks = minor % 100;
        return groupedRubles() + (kopecks < 10 ? ",0" : ",") + kopecks + "\u00a0₽";
    }

    /** Whole roubles in groups of three digits, a no-break space between them: {@code "12 000"} (not a format
     * pattern: each timeline line of a payment wrote two, 1.2 % of the CPU under the payment load). */
    private String groupedRubles() {
        String digits = Long.toString(minor / 100);
        StringBuilder grouped = new StringBuilder(digits.length() + digits.length() / 3);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append('\u00a0');
            }
            grouped.append(digits.charAt(i));
        }
        return grouped.toString();
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return value() + " " + CURRENCY;
    }

    static final class Writer extends JsonSerializer<Money> {
        @Override
        public void serialize(Money money, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("value", money.value());
            gen.writeStringField("currency", CURRENCY);
            gen.writeEndObject();
        }
    }

    static final class Reader extends JsonDeserializer<Money> {
        @Override
        public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String field = p.getParsingContext().getCurrentName() == null ? "amount" : p.getParsingContext().getCurrentName();
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new InvalidValueException(field, "Сумма передаётся объектом {\"value\":\"400.00\",\"currency\":\"RUB\"}.");
            }
            String value = null;
            String currency = null;
            for (JsonToken token = p.nextToken(); token != JsonToken.END_OBJECT; token = p.nextToken()) {
                String name = p.currentName();
                JsonToken valueToken = p.nextToken();
                switch (name) {
                    case "value" -> {
                        if (valueToken != JsonToken.VALUE_STRING && valueToken != JsonToken.VALUE_NUMBER_INT
                                && valueToken != JsonToken.VALUE_NUMBER_FLOAT) {
                            throw new InvalidValueException(field, "Сумма должна быть строкой вида \"400.00\".");
                        }
                        value = p.getText();
                    }
                    case "currency" -> {
                        if (valueToken != JsonToken.VALUE_STRING) {
                            throw new InvalidValueException(field, "Валюта должна быть строкой \"RUB\".");
                        }
                        currency = p.getText();
                    }
                    default -> throw new InvalidValueException(field, "Неизвестное поле суммы: " + name + ".");
                }
            }
            if (value == null) {
                throw new InvalidValueException(field, "Не указана сумма (value).");
            }
            if (currency != null && !CURRENCY.equals(currency)) {
                throw new InvalidValueException(field, "Поддерживается только валюта RUB.");
            }
            return parse(value, field);
        }
    }
}

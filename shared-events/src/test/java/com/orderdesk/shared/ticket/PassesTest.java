package com.orderdesk.shared.ticket;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pass cannot be forged, altered, or used for another order (issue 30). */
class PassesTest {
    private static final String ORDER = "6d2b2f6a-0000-4000-8000-00000000c003";
    private final Passes passes = new Passes("the service's pass key, 32 bytes".getBytes(StandardCharsets.UTF_8));

    @Test
    void aPassIsTheNumberAndTwentyFourDigitsNeverTheOrderId() {
        String code = passes.codeOf(ORDER, "1006402");
        assertThat(code).matches("1006402-\\d{24}").doesNotContain(ORDER).doesNotContain("6d2b2f6a");
        assertThat(passes.codeOf(ORDER, "1006402")).as("the same every time").isEqualTo(code);
        assertThat(passes.isOf(code, ORDER, "1006402")).isTrue();
        assertThat(passes.isOf("  " + code + "\n", ORDER, "1006402")).as("as a scanner types it, with Enter").isTrue();
        assertThat(Passes.numberIn(code)).contains("1006402");
    }

    @Test
    void aPassOfOneOrderIsNotThePassOfAnother() {
        String code = passes.codeOf(ORDER, "1006402");
        assertThat(passes.isOf(code, "6d2b2f6a-0000-4000-8000-00000000c004", "1006402")).isFalse();
        assertThat(passes.isOf(code, ORDER, "1006403")).isFalse();
        // the number part changed to another order's: the signature no longer holds
        assertThat(passes.isOf("1006403" + code.substring(7), ORDER, "1006403")).isFalse();
    }

    @Test
    void anAlteredOrMadeUpPassDoesNotHold() {
        String code = passes.codeOf(ORDER, "1006402");
        char last = code.charAt(code.length() - 1);
        String altered = code.substring(0, code.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
        assertThat(passes.isOf(altered, ORDER, "1006402")).isFalse();
        assertThat(passes.isOf("1006402-000000000000000000000000", ORDER, "1006402")).isFalse();
        assertThat(passes.isOf(code.substring(0, code.length() - 1), ORDER, "1006402")).isFalse();
    }

    @Test
    void anotherKeyMakesOtherPasses() {
        Passes other = new Passes("another installation's pass key".getBytes(StandardCharsets.UTF_8));
        assertThat(other.isOf(passes.codeOf(ORDER, "1006402"), ORDER, "1006402")).isFalse();
    }

    @Test
    void passesOfDifferentOrdersDiffer() {
        Set<String> signatures = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            signatures.add(passes.codeOf(String.format("6d2b2f6a-0000-4000-8000-%012d", i), "1006402").substring(8));
        }
        assertThat(signatures).hasSize(1000);
    }

    @Test
    void onlyTheShapeOfAPassReadsAsOne() {
        assertThat(Passes.numberIn("1006402")).isEmpty();
        assertThat(Passes.numberIn("207")).isEmpty();
        assertThat(Passes.numberIn("0006402-123456789012345678901234")).isEmpty();
        assertThat(Passes.numberIn("1006402-12345678901234567890123a")).isEmpty();
        assertThat(Passes.numberIn(null)).isEmpty();
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new Passes(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }
}

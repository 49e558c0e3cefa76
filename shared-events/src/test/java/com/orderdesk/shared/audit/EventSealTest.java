package com.orderdesk.shared.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventSealTest {
    private static final Instant AT = Instant.parse("2023-08-11T08:32:00.123456Z");

    private static EventSeal.Sealed event(String orderId, long sequence, String type, Instant at, String payload, String metadata) {
        return new EventSeal.Sealed(orderId, sequence, type, at, payload.getBytes(StandardCharsets.UTF_8), metadata.getBytes(StandardCharsets.UTF_8));
    }

    private static final EventSeal.Sealed BASE = event("o-1", 2, "com.x.Paid", AT, "{\"amount\":{\"value\":\"150.00\"},\"by\":\"Ирина\"}",
            "{\"actorId\":\"manager\",\"traceId\":\"abc\"}");

    @Test
    void theHashIsSha256HexOverTheCanonicalFormChainedToThePreviousHash() {
        String hash = EventSeal.hash(EventSeal.GENESIS, BASE);
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(EventSeal.hash(EventSeal.GENESIS, BASE)).isEqualTo(hash);
        assertThat(EventSeal.hash("1".repeat(64), BASE)).isNotEqualTo(hash);
        assertThat(EventSeal.canonical(EventSeal.GENESIS, BASE)).isEqualTo("{\"at\":\"2023-08-11T08:32:00.123Z\","
                + "\"metadata\":{\"actorId\":\"manager\",\"traceId\":\"abc\"},\"orderId\":\"o-1\","
                + "\"payload\":{\"amount\":{\"value\":\"150.00\"},\"by\":\"Ирина\"},\"previousHash\":\"" + EventSeal.GENESIS
                + "\",\"sequence\":2,\"type\":\"com.x.Paid\"}");
    }

    @Test
    void keyOrderWhitespaceTheSealItselfAndSubMillisecondsDoNotChangeTheHash() {
        String hash = EventSeal.hash(EventSeal.GENESIS, BASE);
        EventSeal.Sealed same = event("o-1", 2, "com.x.Paid", Instant.parse("2023-08-11T08:32:00.123Z"),
                "{ \"by\" : \"Ирина\", \"amount\" : {\"value\":\"150.00\"} }",
                "{\"traceId\":\"abc\",\"hash\":\"whatever\",\"actorId\":\"manager\"}");
        assertThat(EventSeal.hash(EventSeal.GENESIS, same)).isEqualTo(hash);
    }

    @Test
    void everyPartOfTheEventIsCovered() {
        String hash = EventSeal.hash(EventSeal.GENESIS, BASE);
        String payload = new String(BASE.payloadJson(), StandardCharsets.UTF_8);
        String metadata = new String(BASE.metadataJson(), StandardCharsets.UTF_8);
        assertThat(EventSeal.hash(EventSeal.GENESIS, event("o-2", 2, "com.x.Paid", AT, payload, metadata))).isNotEqualTo(hash);
        assertThat(EventSeal.hash(EventSeal.GENESIS, event("o-1", 3, "com.x.Paid", AT, payload, metadata))).isNotEqualTo(hash);
        assertThat(EventSeal.hash(EventSeal.GENESIS, event("o-1", 2, "com.x.Refunded", AT, payload, metadata))).isNotEqualTo(hash);
        assertThat(EventSeal.hash(EventSeal.GENESIS, event("o-1", 2, "com.x.Paid", AT.plusMillis(1), payload, metadata))).isNotEqualTo(hash);
        assertThat(EventSeal.hash(EventSeal.GENESIS, event("o-1", 2, "com.x.Paid", AT, payload.replace("150.00", "150.01"), metadata)))
                .isNotEqualTo(hash);
        assertThat(EventSeal.hash(EventSeal.GENESIS, event("o-1", 2, "com.x.Paid", AT, payload, metadata.replace("manager", "managex"))))
                .isNotEqualTo(hash);
        // numbers keep their exact text: 150.0 and 150.00 are different records
        assertThat(EventSeal.hash(EventSeal.GENESIS, event("o-1", 2, "t", AT, "{\"a\":150.0}", "{}")))
                .isNotEqualTo(EventSeal.hash(EventSeal.GENESIS, event("o-1", 2, "t", AT, "{\"a\":150.00}", "{}")));
    }

    @Test
    void jsonThatNoLongerParsesIsReportedAsUnreadable() {
        assertThatThrownBy(() -> EventSeal.hash(EventSeal.GENESIS, event("o-1", 0, "t", AT, "{\"a\":1", "{}")))
                .isInstanceOf(EventSeal.UnreadableEventException.class);
        assertThatThrownBy(() -> EventSeal.hash(EventSeal.GENESIS, event("o-1", 0, "t", AT, "{\"a\":1}}", "{}")))
                .isInstanceOf(EventSeal.UnreadableEventException.class);
    }
}

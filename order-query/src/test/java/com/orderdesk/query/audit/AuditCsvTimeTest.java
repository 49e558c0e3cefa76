package com.orderdesk.query.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit CSV writes every time in one shape, whatever its fraction (a whole second once lost it). */
class AuditCsvTimeTest {
    private static final ZoneId PERM = ZoneId.of("Asia/Yekaterinburg");

    @Test
    void wholeSecondsMillisAndMicrosAllHaveSixDigitsAndTheOffset() {
        assertThat(AuditController.csvTime(Instant.parse("2023-08-11T08:32:00Z"), PERM)).isEqualTo("2023-08-11T13:32:00.000000+05:00");
        assertThat(AuditController.csvTime(Instant.parse("2023-08-11T08:32:05.120Z"), PERM)).isEqualTo("2023-08-11T13:32:05.120000+05:00");
        assertThat(AuditController.csvTime(Instant.parse("2023-08-11T08:32:05.123456Z"), PERM)).isEqualTo("2023-08-11T13:32:05.123456+05:00");
        assertThat(AuditController.csvTime(Instant.parse("2023-08-11T08:32:00Z"), ZoneId.of("UTC"))).isEqualTo("2023-08-11T08:32:00.000000+00:00");
    }
}

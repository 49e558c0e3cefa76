package com.orderdesk.command.catalog;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpeningHoursTest {
    /** 7 December 2026 is a Monday. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    private static Map<String, String> spec(String... keysAndValues) {
        Map<String, String> spec = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            spec.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return spec;
    }

    @Test
    void theMeetingRoomsWeekdaysOpenFromNineAndTheLastBookableHourStartsAtTwenty() {
        OpeningHours hours = OpeningHours.parse("room", spec("mon-fri", "09:00-21:00"), List.of());
        assertThat(hours.isOpen(MONDAY.atTime(8, 0))).isFalse();
        assertThat(hours.isOpen(MONDAY.atTime(9, 0))).isTrue();
        assertThat(hours.isOpen(MONDAY.atTime(20, 0))).isTrue();
        assertThat(hours.isOpen(MONDAY.atTime(21, 0))).as("it closes at 21:00").isFalse();
        assertThat(hours.hoursOf(MONDAY)).hasSize(12).first().isEqualTo(MONDAY.atTime(9, 0));
        assertThat(hours.hoursOf(MONDAY)).last().isEqualTo(MONDAY.atTime(20, 0));
        assertThat(hours.hoursOf(MONDAY.plusDays(5))).as("Saturday").isEmpty();
        assertThat(hours.isOpen(MONDAY.plusDays(6).atTime(12, 0))).as("Sunday").isFalse();
        assertThat(hours.describe(MONDAY)).isEqualTo("09:00–21:00");
        assertThat(hours.describe(MONDAY.plusDays(5))).isEmpty();
    }

    @Test
    void theMoreSpecificKeyWinsWhateverOrderTheyAreWrittenIn() {
        OpeningHours hours = OpeningHours.parse("cw", spec("sat", "closed", "mon-fri", "09:00-18:00", "daily", "08:00-22:00"),
                List.of());
        assertThat(hours.describe(MONDAY)).isEqualTo("09:00–18:00");
        assertThat(hours.hoursOf(MONDAY.plusDays(5))).as("Saturday").isEmpty();
        assertThat(hours.describe(MONDAY.plusDays(6))).as("Sunday, from daily").isEqualTo("08:00–22:00");
    }

    @Test
    void closedDatesCloseTheWholeDayAndMidnightEndsADay() {
        OpeningHours hours = OpeningHours.parse("cw", spec("daily", "00:00-24:00"), List.of(MONDAY.plusDays(1)));
        assertThat(hours.hoursOf(MONDAY)).hasSize(24).last().isEqualTo(MONDAY.atTime(23, 0));
        assertThat(hours.hoursOf(MONDAY.plusDays(1))).isEmpty();
        assertThat(hours.isOpen(MONDAY.plusDays(1).atTime(12, 0))).isFalse();
        assertThat(OpeningHours.parse("cw", Map.of(), List.of(MONDAY)).isOpen(MONDAY.atTime(3, 0))).isFalse();
    }

    @Test
    void noOpeningHoursMeansEveryHour() {
        OpeningHours always = OpeningHours.always();
        for (int day = 0; day < 7; day++) {
            assertThat(always.hoursOf(MONDAY.plusDays(day))).hasSize(24);
        }
        assertThat(OpeningHours.parse("cw", null, null).isOpen(LocalDateTime.of(2027, 1, 1, 3, 0))).isTrue();
    }

    @Test
    void aRangeWrapsTheWeek() {
        OpeningHours hours = OpeningHours.parse("cw", spec("fri-mon", "10:00-12:00"), List.of());
        assertThat(hours.hoursOf(MONDAY)).hasSize(2);
        assertThat(hours.hoursOf(MONDAY.plusDays(1))).as("Tuesday").isEmpty();
        assertThat(hours.hoursOf(MONDAY.plusDays(4))).as("Friday").hasSize(2);
        assertThat(hours.hoursOf(MONDAY.plusDays(6))).as("Sunday").hasSize(2);
    }

    @Test
    void whatAnOperatorMistypedStopsTheStartWithTheServiceAndTheEntry() {
        assertThatThrownBy(() -> OpeningHours.parse("room", spec("mon-fri", "21:00-09:00"), List.of()))
                .hasMessageContaining("room").hasMessageContaining("closes before it opens");
        assertThatThrownBy(() -> OpeningHours.parse("room", spec("mon-fri", "09:30-21:00"), List.of()))
                .hasMessageContaining("whole hours");
        assertThatThrownBy(() -> OpeningHours.parse("room", spec("weekdays", "09:00-21:00"), List.of()))
                .hasMessageContaining("'weekdays' is not a weekday");
        assertThatThrownBy(() -> OpeningHours.parse("room", spec("mon", "9-21"), List.of()))
                .hasMessageContaining("is not HH:00-HH:00");
        assertThatThrownBy(() -> OpeningHours.parse("room", spec("mon", "09:00"), List.of()))
                .hasMessageContaining("is not HH:00-HH:00");
        assertThatThrownBy(() -> OpeningHours.parse("room", spec("mon-wed", "09:00-12:00", "tue-fri", "10:00-12:00"), List.of()))
                .hasMessageContaining("name tuesday twice");
    }
}

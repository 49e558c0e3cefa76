package com.orderdesk.shared.value;

import com.orderdesk.shared.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a person types, by the strict rules: no broken characters, one line where one line is asked for, blank is blank. */
class TypedTextTest {

    private static void refused(String value, boolean multiline, String saying) {
        assertThatThrownBy(() -> Check.typed(value, "visitor.name", "имя", 200, multiline))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("visitor.name");
                    assertThat(e.rejection().detail()).contains(saying);
                });
    }

    @Test
    void anUnpairedSurrogateOrANonCharacterIsRefused() {
        refused("Иван\ud800", false, "половина суррогатной пары");
        refused("\udc00Иван", true, "половина суррогатной пары");
        refused("Ива\ud800н", false, "позиции 4");
        refused("Иван\ufffe", false, "U+FFFE");
        refused("Иван\ufdd0", false, "U+FDD0");
        refused("Иван" + new String(Character.toChars(0x1FFFF)), false, "U+1FFFF");
        // a pair is a character: 😀 is fine
        assertThat(Check.line("Иван 😀", "visitor.name", "имя", 200)).isEqualTo("Иван 😀");
    }

    @Test
    void oneLineMeansNoBreaksTabsOrControls() {
        refused("Иван\r\nBcc: x@y.ru", false, "одной строкой");
        refused("Иван\tПетров", false, "одной строкой");
        refused("Иван\u0007", false, "одной строкой");
        refused("Иван\u0085", false, "одной строкой");
        assertThat(Check.paragraph("Первая строка\nвторая\tс табуляцией", "text", "текст", 200)).isEqualTo("Первая строка\nвторая\tс табуляцией");
        refused("Иван\u0000", true, "управляющие");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00a0", "\u200b", "\u00a0\u200b\u2060\ufeff", "\u2003\u3000", " \n\t ", "\u202f\u180e"})
    void blankIsBlankAfterUnicodeSpacesAndFormatCharacters(String blank) {
        assertThat(Check.isBlank(blank)).isTrue();
        refused(blank, true, "Не заполнено");
        assertThat(Check.optionalLine(blank, "note", "комментарий", 100)).isNull();
    }

    @Test
    void invisibleCharactersAroundTheTextAreTrimmedAndLengthCountsCharacters() {
        assertThat(Check.line("\u200b\u00a0Иван Петров\u00a0\ufeff", "visitor.name", "имя", 200)).isEqualTo("Иван Петров");
        assertThat(Check.line("😀".repeat(5), "ticketNumber", "билет", 5)).hasSize(10);
        refused("я".repeat(201), false, "не более 200");
    }

    @Test
    void unicodesOwnLineBreaksBreakALineAndDirectionOverridesAreRefusedEverywhere() {
        refused("Иван\u2028Bcc: x@y.ru", false, "одной строкой");
        refused("Иван\u2029Петров", false, "одной строкой");
        assertThat(Check.paragraph("Первый абзац\u2029второй", "text", "текст", 200)).isEqualTo("Первый абзац\u2029второй");
        // "Иван" shown backwards after U+202E: a name that reads as another in staff tools
        refused("Ив\u202Eнав", false, "направление текста");
        refused("Текст \u2066скрытый\u2069 дальше", true, "U+2066");
        // right-to-left text itself needs no override
        assertThat(Check.line("שלום Иван", "visitor.name", "имя", 200)).isEqualTo("שלום Иван");
    }
}

package com.orderdesk.shared.value;

import com.orderdesk.shared.error.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The visitor's e-mail: optional, and when given, an address mail can go to. */
class EmailTest {

    @Test
    void noEmailIsFineAndTheDomainIsCaseBlind() {
        assertThat(new Person("Алексей", Phone.parse("+7 342 254-54-54")).email()).isNull();
        assertThat(new Person("Алексей", Phone.parse("+7 342 254-54-54"), "  ").email()).isNull();
        assertThat(new Person("Алексей", Phone.parse("+7 342 254-54-54"), " Troshkov@Example.COM ").email()).isEqualTo("Troshkov@example.com");
        assertThat(new Person("Алексей", Phone.parse("+7 342 254-54-54"), "гость@почта.рф").email()).isEqualTo("гость@почта.рф");
    }

    @ParameterizedTest
    @ValueSource(strings = {"troshkov", "troshkov@", "@example.com", "a@b", "a b@example.com", "a@@example.com", "a@example..com"})
    void anAddressMailCannotGoToIsRefusedNamingTheField(String email) {
        assertThatThrownBy(() -> new Person("Алексей", Phone.parse("+7 342 254-54-54"), email))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("email"));
    }
}

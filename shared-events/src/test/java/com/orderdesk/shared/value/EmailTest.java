package com.orderdesk.shared.value;

import com.orderdesk.shared.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The visitor's e-mail: optional, and when given, one address mail can go to — judged by {@link EmailAddress} alone. */
class EmailTest {

    @Test
    void noEmailIsFineAndTheDomainIsCaseBlind() {
        assertThat(EmailAddress.optional(null, "email")).isNull();
        assertThat(EmailAddress.optional("  ", "email")).isNull();
        assertThat(EmailAddress.optional(" Troshkov@Example.COM ", "email")).isEqualTo("Troshkov@example.com");
        assertThat(EmailAddress.optional("гость@почта.рф", "email")).isEqualTo("гость@почта.рф");
        assertThat(EmailAddress.optional("o'brien+desk@mail.example.com", "email")).isEqualTo("o'brien+desk@mail.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"troshkov", "troshkov@", "@example.com", "a@b", "a b@example.com", "a@@example.com", "a@example..com",
            // one address is one recipient: no lists, no display names, no quoted or commented parts
            "a,b@x.ru", "x<y@evil.ru", "Гость <a@b.ru>", "\"a b\"@x.ru", "a@x.ru, b@y.ru", "a;b@x.ru", "a@x.ru>", "a(c)@x.ru",
            ".a@x.ru", "a.@x.ru", "a..b@x.ru", "a@-x.ru", "a@x-.ru", "a@x.ru\r\nBcc: c@y.ru"})
    void anAddressMailCannotGoToIsRefusedNamingTheField(String email) {
        assertThat(EmailAddress.of(email)).as(email).isEmpty();
        assertThatThrownBy(() -> EmailAddress.optional(email, "visitor.email"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("visitor.email"));
    }

    @Test
    void aValueKeepsWhatEarlierVersionsStoredSoTheirEventsStillRead() {
        // the address rules are the API's, the mailer's and the receipts'; a stored event is read as it was written
        assertThat(new Person("Алексей", Phone.parse("+7 342 254-54-54"), "a,b@X.RU").email()).isEqualTo("a,b@x.ru");
        assertThat(new Person("Алексей", Phone.parse("+7 342 254-54-54"), "  ").email()).isNull();
    }
}

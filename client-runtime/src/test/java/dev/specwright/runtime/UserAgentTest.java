package dev.specwright.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specwright.runtime.internal.RuntimeVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserAgentTest {

    @Test
    void putsTheContactInACommentAndEndsWithTheRuntimeToken() {
        assertThat(UserAgent.of("my-app", "1.0", "you@example.com").headerValue())
                .isEqualTo("my-app/1.0 (you@example.com) specwright/" + RuntimeVersion.get());
        assertThat(UserAgent.of("my-app", "1.0").headerValue()).isEqualTo("my-app/1.0 specwright/" + RuntimeVersion.get());
    }

    @Test
    void knowsItsOwnVersionFromTheFilteredResource() {
        assertThat(RuntimeVersion.get()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"you@example.com", "my app", "my/app", "", "app(1)"})
    void refusesAProductThatIsNotAToken(String product) {
        assertThatThrownBy(() -> UserAgent.of(product, "1.0", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("User-Agent product")
                .hasMessageContaining("not an RFC 7230 token");
    }

    @Test
    void saysWhereAnAtBelongs() {
        assertThatThrownBy(() -> UserAgent.of("me@example.com", "1.0")).hasMessageContaining("belongs in the contact");
        assertThatThrownBy(() -> UserAgent.of("app", "1 0")).hasMessageContaining("User-Agent version");
    }

    @Test
    void acceptsBalancedParenthesesInTheContact() {
        assertThat(UserAgent.of("app", "1", "ops (on call) ops@example.com").headerValue())
                .startsWith("app/1 (ops (on call) ops@example.com) ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ops) (x", "(ops", "ops\r\nX-Evil: 1", "ops\u0000", "trailing\\", " "})
    void refusesContactsThatCannotBeAComment(String contact) {
        assertThatThrownBy(() -> UserAgent.of("app", "1", contact))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("User-Agent contact")
                .hasMessageNotContaining("X-Evil");
    }
}

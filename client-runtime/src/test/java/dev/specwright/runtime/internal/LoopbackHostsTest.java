package dev.specwright.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackHostsTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.255.255.254", "[::1]", "[0:0:0:0:0:0:0:1]"})
    void acceptsLoopback(String host) {
        assertThat(LoopbackHosts.isLoopback(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost.evil.com", "127.0.0.256", "127.0.0", "1.127.0.0.1", "[::2]", "[::ffff:8.8.8.8]",
        "example.com", "0.0.0.0", "[localhost]"})
    void refusesEverythingElse(String host) {
        assertThat(LoopbackHosts.isLoopback(host)).isFalse();
    }
}

package io.dropflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A key found active is believed for a while; unknown and revoked keys are always looked up. */
class ApiKeyRegistryTest {

    private static final String SECRET = ApiKeyRegistry.PREFIX + "a-storefronts-key";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

    private final ApiKeys keys = mock(ApiKeys.class);

    private static ApiKey active() {
        return new ApiKey("storefront", SECRET.substring(0, 10), ApiKeyRegistry.hash(SECRET), List.of(ApiKeyScope.ORDERS),
                "sam", CLOCK.instant());
    }

    @Test
    void anActiveKeyIsLookedUpOnceWhileItIsBelieved() {
        when(keys.findByKeyHash(anyString())).thenReturn(Optional.of(active()));
        ApiKeyRegistry registry = new ApiKeyRegistry(keys, CLOCK, Duration.ofMinutes(1));

        assertThat(registry.active(SECRET)).isPresent();
        assertThat(registry.active(SECRET)).isPresent();
        assertThat(registry.active(SECRET)).isPresent();

        verify(keys, times(1)).findByKeyHash(ApiKeyRegistry.hash(SECRET));
    }

    @Test
    void withoutATimeEveryRequestLooksTheKeyUp() {
        when(keys.findByKeyHash(anyString())).thenReturn(Optional.of(active()));
        ApiKeyRegistry registry = new ApiKeyRegistry(keys, CLOCK, Duration.ZERO);

        registry.active(SECRET);
        registry.active(SECRET);

        verify(keys, times(2)).findByKeyHash(ApiKeyRegistry.hash(SECRET));
    }

    @Test
    void anUnknownKeyIsLookedUpEveryTime() {
        when(keys.findByKeyHash(anyString())).thenReturn(Optional.empty());
        ApiKeyRegistry registry = new ApiKeyRegistry(keys, CLOCK, Duration.ofMinutes(1));

        assertThat(registry.active(SECRET)).isEmpty();
        assertThat(registry.active(SECRET)).isEmpty();

        verify(keys, times(2)).findByKeyHash(ApiKeyRegistry.hash(SECRET));
    }

    @Test
    void aKeyRevokedElsewhereIsRefusedOnceItIsNoLongerBelieved() {
        ApiKey key = active();
        when(keys.findByKeyHash(anyString())).thenReturn(Optional.of(key));
        AtomicLong nanos = new AtomicLong(-3_000_000_000L); // System.nanoTime may be negative
        ApiKeyRegistry registry = new ApiKeyRegistry(keys, CLOCK, Duration.ofMillis(200), nanos::get);
        assertThat(registry.active(SECRET)).isPresent();

        key.revoke("sam", CLOCK.instant()); // as another node would, in the database
        nanos.addAndGet(Duration.ofMillis(199).toNanos());
        assertThat(registry.active(SECRET)).as("still believed 199 ms later").isPresent();
        nanos.addAndGet(Duration.ofMillis(1).toNanos());

        assertThat(registry.active(SECRET)).as("looked up again 200 ms later").isEmpty();
        verify(keys, times(2)).findByKeyHash(ApiKeyRegistry.hash(SECRET));
    }
}

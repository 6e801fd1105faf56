package io.dropflow.partners.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropflow.partners.PartnerCall;
import io.dropflow.partners.PartnerTokens;
import io.dropflow.support.JpaSliceTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What CJ's limits ask of a cluster (CJ's Authentication page: 15-day tokens, a login with the API key
 * at most once per five minutes; Access Frequency Restrictions: 1 request/s per account on the lower
 * levels), on the real PostgreSQL every node shares. Several threads, each its own "node", call at once.
 */
@JpaSliceTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({DatabaseTokens.class, ClusterPace.class})
class PartnerClusterTest {

    @Autowired
    DatabaseTokens tokens;
    @Autowired
    ClusterPace pace;
    @Autowired
    JdbcTemplate jdbc;

    /** CJ's token source as the nodes see it: counts refreshes and logins, each slow like a real call. */
    static class CjLike implements PartnerTokens.Source {

        final AtomicInteger refreshes = new AtomicInteger();
        final AtomicInteger logins = new AtomicInteger();

        @Override
        public PartnerTokens.Token refresh(String refreshToken) {
            sleep(300);
            return new PartnerTokens.Token("token-" + refreshes.incrementAndGet(), Instant.now().plus(Duration.ofDays(15)),
                    "refresh-next", Instant.now().plus(Duration.ofDays(180)));
        }

        @Override
        public PartnerTokens.Token login() {
            logins.incrementAndGet();
            return new PartnerTokens.Token("login-token", Instant.now().plus(Duration.ofDays(15)), null, null);
        }

        @Override
        public Duration minimumLoginInterval() {
            return Duration.ofMinutes(5);
        }

        @Override
        public RuntimeException loginTooSoon(Instant allowedAt) {
            return new IllegalStateException("too soon, at " + allowedAt);
        }
    }

    @Test
    void anExpiredCjTokenIsRefreshedOnceForTheWholeCluster() throws Exception {
        String account = "CJ-" + System.nanoTime();
        jdbc.update("insert into partner_token (partner, account, access_token, access_expires_at, refresh_token,"
                + " refresh_expires_at, updated_at) values ('cj', ?, 'old', ?, 'refresh-1', ?, ?)", account,
                Timestamp.from(Instant.now().plus(Duration.ofHours(2))), Timestamp.from(Instant.now().plus(Duration.ofDays(100))),
                Timestamp.from(Instant.now()));
        CjLike cj = new CjLike();
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> got = new ArrayList<>();
        for (int node = 0; node < 4; node++) {
            got.add(nodes.submit(() -> {
                go.await();
                return tokens.accessToken("cj", account, Duration.ofDays(1), cj);
            }));
        }
        go.countDown();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        for (Future<String> token : got) {
            seen.add(token.get(10, TimeUnit.SECONDS));
        }
        nodes.shutdown();

        assertThat(cj.refreshes).hasValue(1);
        assertThat(cj.logins).hasValue(0);
        assertThat(seen).containsExactly("token-1");
        assertThat(jdbc.queryForObject("select refresh_token from partner_token where account = ?", String.class, account))
                .isEqualTo("refresh-next");
    }

    @Test
    void aRefusedRefreshLogsInWithTheApiKeyAtMostOnceEveryFiveMinutes() {
        String account = "CJ-" + System.nanoTime();
        CjLike refused = new CjLike() {
            @Override
            public PartnerTokens.Token refresh(String refreshToken) {
                throw new IllegalStateException("1600003 Refresh token is failure");
            }
        };
        assertThat(tokens.accessToken("cj", account, Duration.ofDays(1), refused)).isEqualTo("login-token");

        tokens.expire("cj", account, "login-token");

        assertThatThrownBy(() -> tokens.accessToken("cj", account, Duration.ofDays(1), refused))
                .hasMessageContaining("too soon");
        assertThat(refused.logins).hasValue(1);
    }

    @Test
    void theCjPaceOfOneRequestASecondIsHonouredByEveryNode() throws Exception {
        String account = "CJ-" + System.nanoTime();
        List<Instant> starts = Collections.synchronizedList(new ArrayList<>());
        ExecutorService nodes = Executors.newFixedThreadPool(3);
        List<Future<?>> calls = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            // each node has its own in-memory limiter; only the database holds them to the account's pace
            ResilientPartnerCalls calls3 = new ResilientPartnerCalls(new PartnerSettings(null, null, null),
                    new StaticListableBeanFactory(Map.of("pace", pace)).getBeanProvider(ClusterPace.class),
                    new SimpleMeterRegistry(), Clock.systemUTC());
            calls.add(nodes.submit(() -> {
                for (int i = 0; i < 2; i++) {
                    calls3.call(new PartnerCall("cj", account, "getOrderDetail", new PartnerCall.Limit(1.0, true),
                            IllegalStateException::new), outcome -> starts.add(Instant.now()));
                }
                return null;
            }));
        }
        for (Future<?> call : calls) {
            call.get(30, TimeUnit.SECONDS);
        }
        nodes.shutdown();

        List<Instant> sorted = starts.stream().sorted().toList();
        assertThat(sorted).hasSize(6);
        // Without the shared pace the three nodes call two at a time (gaps near 0). The gaps are measured
        // when each call's outcome is seen, so a thread the machine holds back a little shortens the next gap:
        // 200 ms of slack for that, and the six calls still span five paced seconds.
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(Duration.between(sorted.get(i - 1), sorted.get(i)).toMillis()).as("gap before call " + i)
                    .isGreaterThanOrEqualTo(800);
        }
        assertThat(Duration.between(sorted.get(0), sorted.get(5)).toMillis()).as("six calls at one a second")
                .isGreaterThanOrEqualTo(4800);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

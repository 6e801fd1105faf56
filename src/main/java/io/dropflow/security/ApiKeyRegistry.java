package io.dropflow.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes, finds and revokes integrations' API keys. A key is {@code dfk_} and 32 random bytes
 * (base64url): guessing one is hopeless, so a fast hash (SHA-256) is enough to keep it, and lets a
 * request's key be looked up by its hash in one indexed query. Rotation is making a new key for the
 * integration and revoking the old one once the integration uses the new one.
 *
 * <p>A key found active is believed for {@code dropflow.api-keys.verified-for} (30 s) without
 * asking the database again: an integration's every request (a storefront's orders) was a
 * transaction of its own before the request's work (docs/adr/0017-performance-defaults.md). A key
 * revoked on this node stops working at once; on another node within that time. An unknown or
 * revoked key is always looked up.
 */
@Service
class ApiKeyRegistry {

    static final String PREFIX = "dfk_";
    private static final Logger log = LoggerFactory.getLogger(ApiKeyRegistry.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** At most this many keys believed at once; more are forgotten together (an integration has one or two). */
    private static final int MOST_BELIEVED = 1_000;

    private final ApiKeys keys;
    private final Clock clock;
    /** Times the believed-for window: monotonic, unlike {@link #clock}, which a test may move back. */
    private final LongSupplier nanoTime;
    private final long believeForNanos;
    private final Map<String, Believed> believed = new ConcurrentHashMap<>();
    /** Counts revocations on this node: a look that began before one believes nothing it found. */
    private final java.util.concurrent.atomic.AtomicLong revocations = new java.util.concurrent.atomic.AtomicLong();

    @Autowired
    ApiKeyRegistry(ApiKeys keys, Clock clock, @Value("${dropflow.api-keys.verified-for}") Duration verifiedFor) {
        this(keys, clock, verifiedFor, System::nanoTime);
    }

    /** @param nanoTime a monotonic time in nanoseconds, as {@link System#nanoTime()} */
    ApiKeyRegistry(ApiKeys keys, Clock clock, Duration verifiedFor, LongSupplier nanoTime) {
        if (verifiedFor.isNegative()) {
            throw new IllegalArgumentException("dropflow.api-keys.verified-for must not be negative: " + verifiedFor);
        }
        this.keys = keys;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.believeForNanos = verifiedFor.toNanos();
    }

    /** A key found active, and until when (in {@link #nanoTime}) it is believed without a look. */
    private record Believed(ApiKey key, long untilNanos) {
    }

    /** A new key and the key itself, which is nowhere kept: the caller shows it once. */
    record Issued(ApiKey key, String secret) {
    }

    @Transactional
    Issued issue(String name, List<ApiKeyScope> scopes, String by) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiKey key = keys.save(new ApiKey(name, secret.substring(0, PREFIX.length() + 6), hash(secret),
                scopes.stream().distinct().toList(), by, clock.instant()));
        log.info("API key {} ({}) for {} with scopes {} made by {}", key.getId(), key.getPrefix(), name, scopes, by);
        return new Issued(key, secret);
    }

    @Transactional
    Optional<ApiKey> revoke(long id, String by) {
        Optional<ApiKey> key = keys.findById(id);
        key.ifPresent(k -> {
            k.revoke(by, clock.instant());
            log.info("API key {} ({}) for {} revoked by {}", k.getId(), k.getPrefix(), k.getName(), by);
            forget(id);
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                // A request reading the key before this commit may have believed it again meanwhile.
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        forget(id);
                    }
                });
            }
        });
        return key;
    }

    @Transactional(readOnly = true)
    List<ApiKey> all() {
        return keys.findAllByOrderByIdDesc();
    }

    /** The active key a request presented, if it is one. */
    Optional<ApiKey> active(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(secret);
        long now = nanoTime.getAsLong();
        Believed known = believed.get(hash);
        if (known != null && now - known.untilNanos() < 0) {
            return Optional.of(known.key());
        }
        long revokedBefore = revocations.get();
        Optional<ApiKey> found = keys.findByKeyHash(hash).filter(ApiKey::isActive);
        if (found.isPresent() && believeForNanos > 0) {
            if (believed.size() >= MOST_BELIEVED) {
                believed.clear();
            }
            believed.put(hash, new Believed(found.get(), now + believeForNanos));
            if (revocations.get() != revokedBefore) {
                // A key revoked while this look ran may be the one found: not believed, looked up next time
                believed.remove(hash);
            }
        } else {
            believed.remove(hash);
        }
        return found;
    }

    private void forget(long id) {
        revocations.incrementAndGet();
        believed.values().removeIf(b -> Long.valueOf(id).equals(b.key().getId()));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

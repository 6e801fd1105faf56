package io.dropflow.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes, finds and revokes integrations' API keys. A key is {@code dfk_} and 32 random bytes
 * (base64url): guessing one is hopeless, so a fast hash (SHA-256) is enough to keep it, and lets a
 * request's key be looked up by its hash in one indexed query. Rotation is making a new key for the
 * integration and revoking the old one once the integration uses the new one.
 */
@Service
class ApiKeyRegistry {

    static final String PREFIX = "dfk_";
    private static final Logger log = LoggerFactory.getLogger(ApiKeyRegistry.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeys keys;
    private final Clock clock;

    ApiKeyRegistry(ApiKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
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
        });
        return key;
    }

    @Transactional(readOnly = true)
    List<ApiKey> all() {
        return keys.findAllByOrderByIdDesc();
    }

    /** The active key a request presented, if it is one. */
    @Transactional(readOnly = true)
    Optional<ApiKey> active(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        return keys.findByKeyHash(hash(secret)).filter(ApiKey::isActive);
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

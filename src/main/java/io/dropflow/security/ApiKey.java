package io.dropflow.security;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An integration's credential: only the SHA-256 of the key is kept (the key itself is shown once,
 * when it is made), with the scopes it may use. Revoked keys stay, so the record of who made and
 * revoked which key does.
 */
@Entity
@Table(name = "api_key")
class ApiKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    /** The key's first characters, to tell keys apart in lists and logs (not enough to guess it). */
    private String prefix;
    private String keyHash;
    private String scopes;
    private String createdBy;
    private Instant createdAt;
    private String revokedBy;
    private Instant revokedAt;

    protected ApiKey() {
    }

    ApiKey(String name, String prefix, String keyHash, List<ApiKeyScope> scopes, String createdBy, Instant now) {
        this.name = name;
        this.prefix = prefix;
        this.keyHash = keyHash;
        this.scopes = scopes.stream().map(ApiKeyScope::id).sorted().collect(Collectors.joining(","));
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void revoke(String by, Instant now) {
        if (revokedAt == null) {
            revokedBy = by;
            revokedAt = now;
        }
    }

    boolean isActive() {
        return revokedAt == null;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getPrefix() {
        return prefix;
    }

    List<ApiKeyScope> getScopes() {
        return Arrays.stream(scopes.split(",")).filter(s -> !s.isBlank()).map(ApiKeyScope::of).toList();
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getRevokedBy() {
        return revokedBy;
    }

    Instant getRevokedAt() {
        return revokedAt;
    }
}

package io.dropflow.security;

import io.dropflow.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supervisors make API keys for integrations (storefronts, partner portals) and revoke them. A key
 * is shown once, in the answer that makes it; rotating is making a new one, then revoking the old.
 */
@RestController
@RequestMapping("/api/api-keys")
@Tag(name = "API keys")
@SecurityRequirement(name = "basic")
class ApiKeyController {

    private final ApiKeyRegistry registry;

    ApiKeyController(ApiKeyRegistry registry) {
        this.registry = registry;
    }

    record NewKey(@NotBlank @Size(max = 100) String name, @NotEmpty List<ApiKeyScope> scopes) {
    }

    record KeyView(long id, String name, String prefix, List<ApiKeyScope> scopes, String createdBy, Instant createdAt,
            String revokedBy, Instant revokedAt, String key) {

        static KeyView of(ApiKey key, String secret) {
            return new KeyView(key.getId(), key.getName(), key.getPrefix(), key.getScopes(), key.getCreatedBy(),
                    key.getCreatedAt(), key.getRevokedBy(), key.getRevokedAt(), secret);
        }
    }

    @PostMapping
    @Operation(summary = "Make an API key for an integration",
            description = "The answer holds the key (field key) once; Dropflow keeps only its SHA-256. Scopes: orders, "
                    + "after-sales, catalog.")
    @ApiResponse(responseCode = "201", description = "Key made; the answer holds it, once")
    ResponseEntity<KeyView> issue(@Valid @RequestBody NewKey request, Authentication caller) {
        ApiKeyRegistry.Issued issued = registry.issue(request.name().trim(), request.scopes(), caller.getName());
        return ResponseEntity.created(URI.create("/api/api-keys/" + issued.key().getId()))
                .body(KeyView.of(issued.key(), issued.secret()));
    }

    @GetMapping
    @Operation(summary = "All API keys, newest first, revoked ones included (never the keys themselves)")
    List<KeyView> all() {
        return registry.all().stream().map(k -> KeyView.of(k, null)).toList();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke an API key: its next request gets 401. Revoking twice changes nothing.")
    KeyView revoke(@PathVariable long id, Authentication caller) {
        return KeyView.of(registry.revoke(id, caller.getName()).orElseThrow(() -> NotFound.of("API key", id)), null);
    }
}

package io.dropflow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A production node ({@code postgres}) cannot fake partners or users (contract review, finding 6): the
 * sandbox partners carry {@code @Profile({"demo", "test", "bench"})}, so {@code postgres,bench} brought
 * them into production, and {@code postgres,demo} brought the demo's users (password = id) as well.
 * Started as an operator starts it, with the production environment of {@link PostgresProfileTest}.
 */
@Tag("application")
class ProductionProfileFakesNothingTest {

    private static ConfigurableApplicationContext start(Map<String, String> env, String... profiles) {
        return new SpringApplicationBuilder(DropflowApplication.class).profiles(profiles)
                .run(env.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    @Test
    void theBenchmarksProfileBesidePostgresRefusesToStartNamingItAndTheSandboxPartners() {
        assertThatThrownBy(() -> start(PostgresProfileTest.environment(), "postgres", "bench").close())
                .hasStackTraceContaining("Dropflow will not start: the production profile 'postgres' must not fake")
                .hasStackTraceContaining("profile 'bench' is active")
                .hasStackTraceContaining("sandbox partners would run: ")
                .hasStackTraceContaining("sandboxSupplier")
                .hasStackTraceContaining("SPRING_PROFILES_ACTIVE=postgres");
    }

    @Test
    void theDemoProfileBesidePostgresRefusesToStartNamingItsUsersAndCatalog() {
        assertThatThrownBy(() -> start(PostgresProfileTest.environment(), "postgres", "demo").close())
                .hasStackTraceContaining("profile 'demo' is active")
                .hasStackTraceContaining("the demo catalog is on")
                .hasStackTraceContaining("users whose password is their id, as the demo's: mary, sam, anna, leo");
    }

    @Test
    void aUserWhosePasswordIsItsIdIsRefusedInProduction() {
        Map<String, String> env = PostgresProfileTest.environment();
        env.put("dropflow.identity.users[0].id", "mary");
        env.put("dropflow.identity.users[0].password", "mary");
        env.put("dropflow.identity.users[0].groups[0]", "operators");
        assertThatThrownBy(() -> start(env, "postgres").close())
                .hasStackTraceContaining("users whose password is their id, as the demo's: mary");
    }
}

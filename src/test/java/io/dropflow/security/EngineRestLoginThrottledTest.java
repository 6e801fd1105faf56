package io.dropflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.DropflowTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Explorer s14 "judge" defect 5: on the engine REST API a login throttled after one mistyped password was a bare 401,
 * no body, no Retry-After, so the right password just after a typo was refused without a word (Dropflow's own API
 * says why). It now says so in the engine API's error format, with Retry-After (no time: review s14 F7).
 */
@DropflowTest
class EngineRestLoginThrottledTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> tasks(String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRightPasswordJustAfterATypoIsRefusedSayingWhy() throws Exception {
        String person = "typo" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(person);
        user.setPassword(person);
        identity.saveUser(user);
        identity.createMembership(person, Groups.OPERATORS);

        assertThat(tasks(person, "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> right = tasks(person, person);

        assertThat(right.statusCode()).isEqualTo(401);
        assertThat(right.body()).contains("refuses every password of that user for a while", "login throttling");
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
        assertThat(right.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }

    /**
     * Review s14 F7: a wrong password for a user the engine has was answered with a body and Retry-After, an unknown
     * user id with a bare 401: anyone could list the user ids with any password. Both answers are now the same; the
     * lock still holds, and ends.
     */
    @Test
    void anUnknownUserAndAWrongPasswordAreAnsweredAlikeAndTheLockStillHolds() throws Exception {
        String person = "typo" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(person);
        user.setPassword(person);
        identity.saveUser(user);
        identity.createMembership(person, Groups.OPERATORS);

        HttpResponse<String> unknown = tasks("nobody" + UUID.randomUUID().toString().substring(0, 8), "any");
        HttpResponse<String> wrong = tasks(person, "wrong");
        HttpResponse<String> wrongAgain = tasks(person, "wrong again");
        HttpResponse<String> right = tasks(person, person);

        for (HttpResponse<String> existing : java.util.List.of(wrong, wrongAgain, right)) {
            assertThat(existing.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(401);
            assertThat(existing.headers().firstValue("Retry-After")).isEqualTo(unknown.headers().firstValue("Retry-After"))
                    .isPresent();
            assertThat(existing.headers().firstValue("Content-Type")).isEqualTo(unknown.headers().firstValue("Content-Type"));
            assertThat(existing.headers().firstValue("WWW-Authenticate"))
                    .isEqualTo(unknown.headers().firstValue("WWW-Authenticate"));
            assertThat(existing.body()).isEqualTo(unknown.body());
        }
        assertThat(unknown.body()).contains("unknown user or wrong password", "login throttling");
        try {
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(System.currentTimeMillis() + 61_000L));
            assertThat(tasks(person, person).statusCode()).as("the lock has ended").isEqualTo(200);
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    @Test
    void noCredentialsStayAPlain401() throws Exception {
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/engine-rest/task")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Retry-After")).isEmpty();
    }
}

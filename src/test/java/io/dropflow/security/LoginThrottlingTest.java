package io.dropflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.DropflowTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * After a failed login the engine refuses every password of the user for a while (its login
 * throttling). The 401 says so, with Retry-After, instead of the same words as for a wrong password.
 */
@DropflowTest
class LoginThrottlingTest {

    private static final String TEMP_OPERATOR = "theo";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;

    @AfterEach
    void forgetTheo() {
        identity.deleteUser(TEMP_OPERATOR);
    }

    @Test
    void theRightPasswordJustAfterAWrongOneIsRefusedWithWhenToTryAgain() throws Exception {
        User theo = identity.newUser(TEMP_OPERATOR);
        theo.setPassword("theo-secret");
        identity.saveUser(theo);
        identity.createMembership(TEMP_OPERATOR, Groups.OPERATORS);
        assertThat(get("theo-secret").statusCode()).as("logged in before any failure").isEqualTo(200);

        HttpResponse<String> wrong = get("not-theos");
        HttpResponse<String> right = get("theo-secret");

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(401);
        assertThat(right.body()).contains("refuses every password of this user until", "login throttling");
        assertThat(right.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 120L));
    }

    private HttpResponse<String> get(String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((TEMP_OPERATOR + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/suppliers")).header("Authorization", "Basic " + basic).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

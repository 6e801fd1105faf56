package io.dropflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A login whose check fails inside Dropflow (the database down while the engine looks the user up, here: a stored
 * password the engine cannot read, so its user lookup throws) is a 500 like any other: its problem detail names the
 * reference its log line carries. Before, it had none, in the answer or the log (exploratory test s14 production, 8:
 * with PostgreSQL stopped, `GET /api/orders/2` answered a 500 without a `reference`).
 */
@DropflowTest
class LoginCheckFailureTest {

    private static final String USER = "ursula";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger errorLog = (Logger) LoggerFactory.getLogger("io.dropflow.web.ServerErrorLog");

    @BeforeEach
    void aUserWhoseLookupFails() {
        User ursula = identity.newUser(USER);
        ursula.setPassword("ursula-secret");
        identity.saveUser(ursula);
        identity.createMembership(USER, Groups.OPERATORS);
        // a hash algorithm the engine does not know: checking her password throws, as a lookup does when the database is down
        jdbc.update("update act_id_user set pwd_ = '{NO-SUCH-HASH}x' where id_ = ?", USER);
        logged.start();
        errorLog.addAppender(logged);
    }

    @AfterEach
    void forgetHer() {
        errorLog.detachAppender(logged);
        identity.deleteUser(USER);
    }

    @Test
    void aFailureWhileAuthenticatingAnswersTheReferenceItIsLoggedUnder() throws Exception {
        String basic = Base64.getEncoder().encodeToString((USER + ":ursula-secret").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/suppliers")).header("Authorization", "Basic " + basic)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(500);
        JsonNode problem = new ObjectMapper().readTree(answer.body());
        String reference = problem.path("reference").asText();
        assertThat(reference).as(answer.body()).matches("[0-9a-f-]{36}");
        assertThat(problem.path("detail").asText())
                .isEqualTo("unexpected error; nothing was lost, the request can be retried. Reference " + reference);
        assertThat(answer.body()).doesNotContain("NO-SUCH-HASH");

        assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.ERROR).singleElement().satisfies(line -> {
            assertThat(line.getFormattedMessage()).contains("GET /api/suppliers answered 500", "reference " + reference);
            assertThat(line.getThrowableProxy()).isNotNull();
        });
    }
}

package io.dropflow.security;

import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.OnboardingDriver;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The photo link on a claim's Tasklist form opens with the operator's Tasklist login (the webapps'
 * session cookie), not a second HTTP Basic login; the role the API requires of the photo is required
 * of the Tasklist user too, and the cookie authorizes nothing else: no other endpoint, no change.
 */
@DropflowTest
class TasklistLoginTest {

    /** The smallest JPEG header, followed by filler. */
    private static final byte[] JPEG = new byte[2048];

    static {
        System.arraycopy(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 0, JPEG, 0, 4);
    }

    private static final String BOUNDARY = "dropflow-test-boundary";
    private static final String TEMP_OPERATOR = "tessa";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    DropflowDriver dropflow;
    HttpClient http;
    long order;
    long claim;
    String photo;
    /** The webapps' CSRF token of each session, as its login or first GET answered it. */
    final Map<String, String> xsrfTokens = new HashMap<>();

    @BeforeEach
    void aClaimWithAPhoto() throws Exception {
        dropflow = new DropflowDriver(port, engine);
        http = HttpClient.newHttpClient();
        order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierShipped("ACME", po(order, 1), "TRK-LOGIN-" + order);
        dropflow.runJobs(order);
        dropflow.carrierSays("TRK-LOGIN-" + order, "DELIVERED");

        String claimJson = new ObjectMapper().writeValueAsString(DropflowDriver.claim("DAMAGED", 1, "REFUND"));
        HttpResponse<String> filed = send(HttpRequest.newBuilder(uri("/api/orders/" + order + "/claims"))
                .header("Authorization", basic("mary", "mary"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(claimJson))));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        var filedClaim = DropflowDriver.read(filed.body());
        claim = filedClaim.path("id").asLong();
        photo = filedClaim.path("evidence").get(0).path("download").asText();
        assertThat(photo).isEqualTo("/api/claims/" + claim + "/evidence/" + filedClaim.path("evidence").get(0).path("id").asText());
    }

    @AfterEach
    void removeTheTemporaryOperator() {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(TEMP_OPERATOR).count() > 0) {
            identity.deleteUser(TEMP_OPERATOR);
        }
    }

    @Test
    void theClaimPhotoOpensWithTheOperatorsTasklistLogin() throws Exception {
        String session = loginToTasklist("mary", "mary");

        HttpResponse<byte[]> opened = http.send(get(photo).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(opened.body()).isEqualTo(JPEG);
        // The Tasklist session is read, never changed (no new session id): Tasklist goes on with its cookie.
        assertThat(opened.headers().allValues("Set-Cookie")).isEmpty();
        // HTTP Basic goes first: wrong credentials are a 401 even with a valid Tasklist session (an unknown
        // user here: a wrong password would hold up mary's next logins, the engine's login throttling).
        assertThat(send(get(photo).header("Cookie", session).header("Authorization", basic("nobody-" + claim, "wrong")))
                .statusCode()).isEqualTo(401);
        // Nobody logged in, a session of the webapps' login page before the login, or no session: 401 as before.
        assertThat(send(get(photo)).statusCode()).isEqualTo(401);
        String loginPage = "JSESSIONID=" + cookie(send(get("/camunda/api/admin/auth/user/default")), "JSESSIONID").orElseThrow();
        assertThat(send(get(photo).header("Cookie", loginPage)).statusCode()).isEqualTo(401);
        assertThat(send(get(photo).header("Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF")).statusCode())
                .isEqualTo(401);
    }

    /**
     * The papers an applicant sent open from "Audit supplier documents" with the Tasklist login too (the
     * exploratory tester got a password prompt, 401 with WWW-Authenticate), for staff only.
     */
    @Test
    void theApplicantsPapersOpenWithTheOperatorsTasklistLogin() throws Exception {
        OnboardingDriver onboarding = new OnboardingDriver(port, engine);
        String code = "LOGIN-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long application = onboarding.applied(OnboardingDriver.application(code, "CN", "TEST-LOGIN-" + code,
                OnboardingDriver.crossBorderPapers(java.time.LocalDate.now().plusYears(2))));
        String paper = onboarding.application(application).path("documents").get(0).path("download").asText();
        assertThat(paper).startsWith("/api/onboarding/applications/" + application + "/documents/");
        String session = loginToTasklist("mary", "mary");

        HttpResponse<byte[]> opened = http.send(get(paper).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).isEqualTo(OnboardingDriver.PDF);
        assertThat(send(get(paper)).statusCode()).as("nobody logged in").isEqualTo(401);
        assertThat(send(get("/api/onboarding/applications/" + application).header("Cookie", session)).statusCode())
                .as("the application itself still needs HTTP Basic").isEqualTo(401);
        assertThat(send(get(paper).header("Cookie", loginToTasklist("leo", "leo"))).statusCode())
                .as("a group leader reads no applications").isEqualTo(403);
    }

    @Test
    void theTasklistLoginOpensThePhotosOnlyAndChangesNothing() throws Exception {
        String session = loginToTasklist("mary", "mary");
        assertThat(send(get(photo).header("Cookie", session)).statusCode()).isEqualTo(200);
        long evidenceBefore = evidence();
        String xsrf = xsrfToken(session);

        // A state-changing request, even with the webapps' CSRF token, and the photo's path with another method
        HttpResponse<String> added = send(HttpRequest.newBuilder(uri("/api/claims/" + claim + "/evidence"))
                .header("Cookie", session + "; XSRF-TOKEN=" + xsrf)
                .header("X-XSRF-TOKEN", xsrf)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"evidenceUrls\": [\"https://photos.example.com/x.jpg\"]}")));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(401);
        assertThat(evidence()).isEqualTo(evidenceBefore);
        assertThat(send(HttpRequest.newBuilder(uri(photo)).header("Cookie", session)
                .method("DELETE", HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(401);
        // Other reads of our API still need HTTP Basic: the claim itself, the order.
        assertThat(send(get("/api/claims/" + claim).header("Cookie", session)).statusCode()).isEqualTo(401);
        assertThat(send(get("/api/orders/" + order).header("Cookie", session)).statusCode()).isEqualTo(401);
        // ... while the session itself was left as it was: the photo still opens with it.
        assertThat(send(get(photo).header("Cookie", session)).statusCode()).isEqualTo(200);
    }

    @Test
    void aTasklistUserWithoutAnAfterSalesRoleIsRefused() throws Exception {
        // Leo, a group leader, works in Tasklist but reads no claims (ApiRoles.AFTER_SALES_READERS).
        String session = loginToTasklist("leo", "leo");

        HttpResponse<String> refused = send(get(photo).header("Cookie", session));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        assertThat(refused.body()).doesNotContain(new String(JPEG, 0, 4, StandardCharsets.ISO_8859_1));
    }

    @Test
    void theGroupsAreTheEnginesNowNotThoseOfTheLoginAndLogoutEndsIt() throws Exception {
        IdentityService identity = engine.getIdentityService();
        User tessa = identity.newUser(TEMP_OPERATOR);
        tessa.setPassword("tessa-secret");
        identity.saveUser(tessa);
        identity.createMembership(TEMP_OPERATOR, Groups.OPERATORS);
        String session = loginToTasklist(TEMP_OPERATOR, "tessa-secret");
        assertThat(send(get(photo).header("Cookie", session)).statusCode()).isEqualTo(200);

        identity.deleteMembership(TEMP_OPERATOR, Groups.OPERATORS);
        assertThat(send(get(photo).header("Cookie", session)).statusCode()).as("left the operators").isEqualTo(403);

        identity.createMembership(TEMP_OPERATOR, Groups.OPERATORS);
        assertThat(send(get(photo).header("Cookie", session)).statusCode()).isEqualTo(200);
        HttpResponse<String> logout = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/logout"))
                .header("Cookie", session + "; XSRF-TOKEN=" + xsrfToken(session))
                .header("X-XSRF-TOKEN", xsrfToken(session))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.statusCode()).as(logout.body()).isLessThan(300);
        assertThat(send(get(photo).header("Cookie", session)).statusCode()).as("logged out").isEqualTo(401);

        String again = loginToTasklist(TEMP_OPERATOR, "tessa-secret");
        identity.deleteUser(TEMP_OPERATOR);
        assertThat(send(get(photo).header("Cookie", again)).statusCode()).as("user deleted").isEqualTo(401);
    }

    /**
     * Logs in as Tasklist's login page does: the page's first GET gives a session with the webapps'
     * CSRF token, the login posts the form with it and answers a new session cookie ({@code JSESSIONID=…}).
     */
    private String loginToTasklist(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = loginPage();
        String anonymous = cookie(page, "JSESSIONID").orElseThrow(() -> new AssertionError("no session: "
                + page.statusCode() + " " + page.body() + " " + page.headers()));
        String xsrf = cookie(page, "XSRF-TOKEN").orElseThrow(() -> new AssertionError("no CSRF token: " + page.headers()));
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Cookie", "JSESSIONID=" + anonymous + "; XSRF-TOKEN=" + xsrf)
                .header("X-XSRF-TOKEN", xsrf)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.headers().allValues("Set-Cookie")).as("the webapps' session cookie")
                .anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").containsIgnoringCase("SameSite=Lax")
                        .containsIgnoringCase("HttpOnly"));
        String session = "JSESSIONID=" + cookie(login, "JSESSIONID").orElseThrow();
        cookie(login, "XSRF-TOKEN").ifPresent(token -> xsrfTokens.put(session, token));
        return session;
    }

    /**
     * Tasklist's page, as a browser loads it first: it gives a session with the webapps' CSRF token. (In CI
     * it answered 500 for every test of the class when another application had stopped in the same JVM
     * before: that cleared Camunda's webapp registrations, which the shared application now gets back,
     * WebappRegistrations.)
     */
    private HttpResponse<String> loginPage() throws IOException, InterruptedException {
        return send(get("/camunda/app/tasklist/"));
    }

    /** The webapps' CSRF token for this session, as Tasklist gets it with a GET of its API. */
    private String xsrfToken(String session) throws IOException, InterruptedException {
        if (xsrfTokens.containsKey(session)) {
            return xsrfTokens.get(session);
        }
        HttpResponse<String> answer = send(get("/camunda/api/admin/auth/user/default").header("Cookie", session));
        String token = cookie(answer, "XSRF-TOKEN").or(() -> answer.headers().firstValue("X-XSRF-TOKEN"))
                .orElseThrow(() -> new AssertionError("no CSRF token for " + session + ": " + answer.headers().map()));
        xsrfTokens.put(session, token);
        return token;
    }

    private static Optional<String> cookie(HttpResponse<?> answer, String name) {
        return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.contains(";") ? c.indexOf(';') : c.length())).findFirst();
    }

    private long evidence() {
        return jdbc.queryForObject("select count(*) from claim_evidence where claim_id = ?", Long.class, claim);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] multipart(String claimJson) {
        var out = new java.io.ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"claim\"\r\nContent-Type: application/json\r\n\r\n"
                + claimJson + "\r\n--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"broken.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(JPEG);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}

package io.dropflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * An operator logged in to Tasklist as its login page does (see TasklistLoginTest), sending the requests Tasklist
 * sends to its engine API ({@code /camunda/api/engine/engine/default}) with its session, CSRF token and a language.
 */
public final class TasklistSession {

    public static final String API = "/camunda/api/engine/engine/default";

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String cookies;
    private final String xsrf;

    private TasklistSession(int port, String cookies, String xsrf) {
        this.port = port;
        this.cookies = cookies;
        this.xsrf = xsrf;
    }

    /** Camunda's login to Tasklist as a browser sends it (its session and CSRF token first): the login's answer. */
    public static HttpResponse<String> tryLogin(int port, String user, String password) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        var page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        String xsrf = cookie(page, "XSRF-TOKEN");
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Cookie", "JSESSIONID=" + cookie(page, "JSESSIONID") + "; XSRF-TOKEN=" + xsrf)
                .header("X-XSRF-TOKEN", xsrf).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Logs {@code user} (password the same) in to Tasklist. */
    public static TasklistSession login(int port, String user) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        var page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        String anonymous = cookie(page, "JSESSIONID");
        String xsrf = cookie(page, "XSRF-TOKEN");
        var login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Cookie", "JSESSIONID=" + anonymous + "; XSRF-TOKEN=" + xsrf).header("X-XSRF-TOKEN", xsrf)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String session = "JSESSIONID=" + cookie(login, "JSESSIONID");
        var who = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/camunda/api/admin/auth/user/default")).header("Cookie", session).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(who.statusCode()).as(who.body()).isEqualTo(200);
        return new TasklistSession(port, session, cookie(who, "XSRF-TOKEN"));
    }

    /** A request to Tasklist's engine API, {@code path} after {@link #API}; {@code body} null for none. */
    public HttpResponse<String> send(String language, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + API + path))
                .header("Cookie", cookies + "; XSRF-TOKEN=" + xsrf).header("X-XSRF-TOKEN", xsrf)
                .header("Accept-Language", language).header("Accept", "application/json, text/plain, */*")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A GET as Tasklist's own engine client sends it, HAL first: a task then comes with its identity links and
     * their groups, which Tasklist's task header names.
     */
    public HttpResponse<String> getHal(String language, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + API + path))
                .header("Cookie", cookies + "; XSRF-TOKEN=" + xsrf).header("X-XSRF-TOKEN", xsrf)
                .header("Accept-Language", language).header("Accept", "application/hal+json, application/json; q=0.5")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A page of the webapps ({@code path} from the root, e.g. {@code /camunda/app/cockpit/default/}) in this session. */
    public HttpResponse<String> open(String path, String accept, String language) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", cookies).header("Accept", accept).header("Accept-Language", language).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> answer, String name) {
        return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.contains(";") ? c.indexOf(';') : c.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + ": " + answer.headers().map()));
    }
}

package io.dropflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.admin.impl.web.bootstrap.AdminContainerBootstrap;
import org.camunda.bpm.cockpit.impl.web.bootstrap.CockpitContainerBootstrap;
import org.camunda.bpm.tasklist.impl.web.bootstrap.TasklistContainerBootstrap;
import org.camunda.bpm.welcome.impl.web.bootstrap.WelcomeContainerBootstrap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;

/**
 * Another application stopping in this JVM (a test's own context closed by {@code @DirtiesContext}, one
 * a test started itself) clears Camunda's webapp registrations for every application in it; the shared
 * application's webapps get theirs back before its next test ({@link WebappRegistrations}). The stop is
 * the one Camunda's webapp starter wires into every application: its four bootstrap listeners, started
 * and stopped on our servlet context. In CI this left TasklistLoginTest with 500s after
 * HappyPathThroughTheJobExecutorTest had run in the same JVM. Each test makes the stop itself (they used
 * to run in order, the second checking what the first left, so run alone it exercised nothing).
 */
@DropflowTest
@ExtendWith(OutputCaptureExtension.class)
class WebappRegistrationsTest {

    @LocalServerPort
    int port;
    @Autowired
    ServletContext servletContext;
    @Autowired
    ApplicationContext application;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anotherApplicationsStopLeavesTheWebappsFailingAndTheLogSaysWhy(CapturedOutput output) throws Exception {
        assertThat(tasklistPage().statusCode()).as("before").isEqualTo(302);

        anotherApplicationStartsAndStops();

        HttpResponse<String> page = tasklistPage();
        assertThat(page.statusCode()).as(page.body()).isEqualTo(500);
        assertThat(output.getOut()).contains("GET /camunda/app/tasklist/ answered 500",
                "because \"runtimeDelegate\" is null");
    }

    @Test
    void theSharedApplicationsNextTestFindsItsWebappsWorking(TestInfo test) throws Exception {
        anotherApplicationStartsAndStops();
        assertThat(tasklistPage().statusCode()).as("broken by the stop").isEqualTo(500);

        beforeTheNextTest(test.getTestMethod().orElseThrow());

        HttpResponse<String> page = tasklistPage();
        assertThat(page.statusCode()).as(page.body()).isEqualTo(302);
        String session = cookie(page, "JSESSIONID");
        String xsrf = cookie(page, "XSRF-TOKEN");

        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + xsrf)
                .header("X-XSRF-TOKEN", xsrf)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=mary&password=" + URLEncoder.encode("mary", StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.body()).contains("\"userId\":\"mary\"");
    }

    /** What Spring's test framework does before a test of this class: @DropflowTest's listeners, on the shared context. */
    private void beforeTheNextTest(Method method) throws Exception {
        TestContextManager next = new TestContextManager(getClass());
        assertThat(next.getTestContext().getApplicationContext()).as("the shared application").isSameAs(application);
        next.beforeTestMethod(this, method);
        next.afterTestMethod(this, method, null);
    }

    /** What another application's web server does to the JVM-wide registrations when it starts and stops. */
    private void anotherApplicationStartsAndStops() {
        ServletContextEvent event = new ServletContextEvent(servletContext);
        List<ServletContextListener> bootstraps = List.of(new CockpitContainerBootstrap(), new AdminContainerBootstrap(),
                new TasklistContainerBootstrap(), new WelcomeContainerBootstrap());
        bootstraps.forEach(bootstrap -> bootstrap.contextInitialized(event));
        bootstraps.forEach(bootstrap -> bootstrap.contextDestroyed(event));
    }

    /** Tasklist's page without an engine in the path: a redirect to the default engine's, with a session. */
    private HttpResponse<String> tasklistPage() throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/")).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String cookie(HttpResponse<?> answer, String name) {
        return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.contains(";") ? c.indexOf(';') : c.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie: " + answer.headers().map()));
    }
}

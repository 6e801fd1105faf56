package io.dropflow.translation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Exploratory test: a value that does not convert to its type ("abc" as a Long), submitted with a task's form,
 * completing it or set as a variable through Tasklist's engine API, answered Camunda's English "Cannot convert
 * value 'abc' of type 'Long' to java type java.lang.Long" (after "Cannot submit task form …: ") to a Chinese-reading
 * operator. It reads in Chinese, the type in words and the value as sent; English and the public REST API keep
 * Camunda's words.
 */
@DropflowTest
@ExtendWith(SoftAssertionsExtension.class)
class UnconvertibleValuesInTasklistTest {

    private static final String API = "/camunda/api/engine/engine/default";
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectSoftAssertions
    SoftAssertions soft;

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aValueThatDoesNotConvertReadsInChineseWithTheValueAsSent() throws Exception {
        Task review = reviewTask();
        String session = tasklistLogin();
        String task = API + "/task/" + review.getId();

        var submitted = send(session, "zh-CN,zh;q=0.9", "POST", task + "/submit-form",
                "{\"variables\":{\"reviewDecision\":{\"value\":\"abc\",\"type\":\"Long\"}}}");
        soft.assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(400);
        soft.assertThat(message(submitted)).isEqualTo("无法提交任务 " + review.getId() + " 的表单：填写的值应为整数（类型 Long），收到的是 'abc'");

        var completed = send(session, "zh-CN", "POST", task + "/complete",
                "{\"variables\":{\"reviewDecision\":{\"value\":\"maybe\",\"type\":\"Boolean\"}}}");
        soft.assertThat(completed.statusCode()).as(completed.body()).isEqualTo(400);
        soft.assertThat(message(completed)).isEqualTo("无法完成任务 " + review.getId()
                + "：填写的值应为“是”或“否”（true 或 false）（类型 Boolean），收到的是 'maybe'");

        var variable = send(session, "zh-CN", "PUT", task + "/variables/reviewedOn",
                "{\"value\":\"next Monday\",\"type\":\"Date\"}");
        soft.assertThat(variable.statusCode()).as(variable.body()).isEqualTo(400);
        soft.assertThat(message(variable)).isEqualTo(
                "无法设置任务变量 reviewedOn：填写的值应为日期和时间（格式如 2026-12-06T09:30:00.000+0800）（类型 Date），收到的是 'next Monday'");

        var modified = send(session, "zh-CN", "POST", task + "/variables",
                "{\"modifications\":{\"reviewedOn\":{\"value\":\"soon\",\"type\":\"Date\"}}}");
        soft.assertThat(modified.statusCode()).as(modified.body()).isEqualTo(400);
        soft.assertThat(message(modified)).isEqualTo(
                "无法修改任务的变量：填写的值应为日期和时间（格式如 2026-12-06T09:30:00.000+0800）（类型 Date），收到的是 'soon'");

        var list = send(session, "zh-CN", "GET", API + "/task?dueAfter=tomorrow", null);
        soft.assertThat(list.statusCode()).as(list.body()).isEqualTo(400);
        soft.assertThat(message(list)).isEqualTo("查询参数 dueAfter 不能设为 'tomorrow'："
                + "参数值应为日期和时间（格式如 2026-12-06T09:30:00.000+0800），收到的是 \"tomorrow\"");

        var english = send(session, "en-US", "POST", task + "/submit-form",
                "{\"variables\":{\"reviewDecision\":{\"value\":\"abc\",\"type\":\"Long\"}}}");
        soft.assertThat(message(english)).isEqualTo("Cannot submit task form " + review.getId()
                + ": Cannot convert value 'abc' of type 'Long' to java type java.lang.Long");
        var restApi = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/"
                        + review.getId() + "/submit-form"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("mary:mary".getBytes()))
                .header("Accept-Language", "zh-CN").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{\"reviewDecision\":{\"value\":\"abc\",\"type\":\"Long\"}}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        soft.assertThat(message(restApi)).as("the public REST API is never translated").isEqualTo("Cannot submit task form "
                + review.getId() + ": Cannot convert value 'abc' of type 'Long' to java type java.lang.Long");

        soft.assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count())
                .as("the task stays open").isEqualTo(1);
    }

    private Task reviewTask() {
        DropflowDriver dropflow = new DropflowDriver(port, engine);
        DropflowDriver.Placed placed = dropflow.place(DropflowDriver.order("SHOP-" + UUID.randomUUID(), "DEMO-MUG", 1,
                "15.00", "PO Box 42"));
        dropflow.runJobs(placed.orderId());
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(dropflow.processInstanceId(placed.orderId()))
                .singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("user_review_order");
        return task;
    }

    private static String message(HttpResponse<String> answer) throws Exception {
        return JSON.readTree(answer.body()).path("message").asText();
    }

    /** A request of Tasklist's, with its session and CSRF token ("JSESSIONID=…|token"). */
    private HttpResponse<String> send(String session, String language, String method, String path, String body)
            throws Exception {
        String[] parts = session.split("\\|");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", parts[0] + "; XSRF-TOKEN=" + parts[1]).header("X-XSRF-TOKEN", parts[1])
                .header("Accept-Language", language).header("Accept", "application/json, text/plain, */*")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in to Tasklist as mary as its login page does (see TasklistLoginTest). */
    private String tasklistLogin() throws Exception {
        var page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        String anonymous = cookie(page, "JSESSIONID");
        String xsrf = cookie(page, "XSRF-TOKEN");
        var login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Cookie", "JSESSIONID=" + anonymous + "; XSRF-TOKEN=" + xsrf).header("X-XSRF-TOKEN", xsrf)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=mary&password=mary")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String session = "JSESSIONID=" + cookie(login, "JSESSIONID");
        var user = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/camunda/api/admin/auth/user/default")).header("Cookie", session).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
        return session + "|" + cookie(user, "XSRF-TOKEN");
    }

    private static String cookie(HttpResponse<?> answer, String name) {
        return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.contains(";") ? c.indexOf(';') : c.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + ": " + answer.headers().map()));
    }
}

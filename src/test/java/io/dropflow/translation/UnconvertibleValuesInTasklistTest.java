package io.dropflow.translation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.TasklistSession;
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
        TasklistSession session = TasklistSession.login(port, "mary");
        String task = "/task/" + review.getId();

        var submitted = session.send("zh-CN,zh;q=0.9", "POST", task + "/submit-form",
                "{\"variables\":{\"reviewDecision\":{\"value\":\"abc\",\"type\":\"Long\"}}}");
        soft.assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(400);
        soft.assertThat(message(submitted)).isEqualTo("无法提交任务 " + review.getId() + " 的表单：填写的值应为整数（类型 Long），收到的是 'abc'");

        var completed = session.send("zh-CN", "POST", task + "/complete",
                "{\"variables\":{\"reviewDecision\":{\"value\":\"maybe\",\"type\":\"Boolean\"}}}");
        soft.assertThat(completed.statusCode()).as(completed.body()).isEqualTo(400);
        soft.assertThat(message(completed)).isEqualTo("无法完成任务 " + review.getId()
                + "：填写的值应为“是”或“否”（true 或 false）（类型 Boolean），收到的是 'maybe'");

        var variable = session.send("zh-CN", "PUT", task + "/variables/reviewedOn",
                "{\"value\":\"next Monday\",\"type\":\"Date\"}");
        soft.assertThat(variable.statusCode()).as(variable.body()).isEqualTo(400);
        soft.assertThat(message(variable)).isEqualTo(
                "无法设置任务变量 reviewedOn：填写的值应为日期和时间（格式如 2026-12-06T09:30:00.000+0800）（类型 Date），收到的是 'next Monday'");

        var modified = session.send("zh-CN", "POST", task + "/variables",
                "{\"modifications\":{\"reviewedOn\":{\"value\":\"soon\",\"type\":\"Date\"}}}");
        soft.assertThat(modified.statusCode()).as(modified.body()).isEqualTo(400);
        soft.assertThat(message(modified)).isEqualTo(
                "无法修改任务的变量：填写的值应为日期和时间（格式如 2026-12-06T09:30:00.000+0800）（类型 Date），收到的是 'soon'");

        var list = session.send("zh-CN", "GET", "/task?dueAfter=tomorrow", null);
        soft.assertThat(list.statusCode()).as(list.body()).isEqualTo(400);
        soft.assertThat(message(list)).isEqualTo("查询参数 dueAfter 不能设为 'tomorrow'："
                + "参数值应为日期和时间（格式如 2026-12-06T09:30:00.000+0800），收到的是 \"tomorrow\"");

        var english = session.send("en-US", "POST", task + "/submit-form",
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

    /** A value sent as a serialized object, as the exploratory test sent it: JSON of a Java class, and Java-serialized. */
    private static final String JSON_OBJECT = "{\"value\":\"\\\"proceed\\\"\",\"type\":\"Object\",\"valueInfo\":"
            + "{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/json\"}}";
    private static final String JAVA_OBJECT = "{\"value\":\"rO0ABXQAB3Byb2NlZWQ=\",\"type\":\"Object\",\"valueInfo\":"
            + "{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}";

    /**
     * Exploratory test: a field sent as JSON null ({@code {"reviewDecision": null}}) was a 500 with a
     * NullPointerException's words, on completing, submitting, resolving and writing a task's variables; a field sent
     * as a serialized object (type Object, JSON of a Java class or Java-serialized) a 500 "Object is not deserialized"
     * (and an administrator's completion took it into the process). Now null reads as no value (the form says the
     * field is required), an object is refused naming the field and what it takes; in Chinese on Tasklist's engine
     * API; no Java words; the task stays open.
     */
    @Test
    void aFieldSentAsNullOrAsASerializedObjectIsRefusedNamingIt() throws Exception {
        Task review = reviewTask();
        TasklistSession session = TasklistSession.login(port, "mary");
        String task = "/task/" + review.getId();

        for (String endpoint : new String[] {"/complete", "/submit-form"}) {
            var chinese = session.send("zh-CN,zh;q=0.9", "POST", task + endpoint, "{\"variables\":{\"reviewDecision\":null}}");
            soft.assertThat(chinese.statusCode()).as(endpoint + " " + chinese.body()).isEqualTo(400);
            soft.assertThat(refusal(chinese)).as(endpoint).isEqualTo("请填写“处理决定”");
            var english = session.send("en-US", "POST", task + endpoint, "{\"variables\":{\"reviewDecision\":null}}");
            soft.assertThat(english.statusCode()).as(endpoint + " " + english.body()).isEqualTo(400);
            soft.assertThat(refusal(english)).as(endpoint).isEqualTo("reviewDecision is required");

            for (String object : new String[] {JSON_OBJECT, JAVA_OBJECT}) {
                var refused = session.send("zh-CN", "POST", task + endpoint, "{\"variables\":{\"reviewDecision\":" + object + "}}");
                soft.assertThat(refused.statusCode()).as(endpoint + " " + refused.body()).isEqualTo(400);
                soft.assertThat(refusal(refused)).as(endpoint)
                        .isEqualTo("“处理决定”必须是“继续：问题已解决或可接受”、“拒绝订单并给消费者退款”之一，不能是序列化的对象（类型 Object）");
                var refusedInEnglish = session.send("en", "POST", task + endpoint,
                        "{\"variables\":{\"reviewDecision\":" + object + "}}");
                soft.assertThat(refusedInEnglish.statusCode()).as(endpoint + " " + refusedInEnglish.body()).isEqualTo(400);
                soft.assertThat(refusal(refusedInEnglish)).as(endpoint)
                        .isEqualTo("reviewDecision must be one of [proceed, reject], not a serialized object (type Object)");
            }
        }
        var note = session.send("zh-CN", "POST", task + "/complete", "{\"variables\":{\"reviewDecision\":{\"value\":\"reject\"},"
                + "\"operatorNote\":" + JSON_OBJECT + "}}");
        soft.assertThat(note.statusCode()).as(note.body()).isEqualTo(400);
        soft.assertThat(refusal(note)).startsWith("“").endsWith("必须是文字，不能是序列化的对象（类型 Object）");
        var notOnTheForm = session.send("en", "POST", task + "/complete", "{\"variables\":{\"reviewDecision\":{\"value\":\"reject\"},"
                + "\"orderId\":" + JAVA_OBJECT + "}}");
        soft.assertThat(notOnTheForm.statusCode()).as(notOnTheForm.body()).isEqualTo(400);
        soft.assertThat(refusal(notOnTheForm))
                .isEqualTo("orderId must be text, a number, true or false or a date, not a serialized object (type Object)");

        // The same on the public REST API (English), and for an administrator too: no serialized object into the process
        for (String user : new String[] {"mary:mary", "demo:demo"}) {
            var nothing = restApi(user, "POST", review.getId() + "/complete", "{\"variables\":{\"reviewDecision\":null}}");
            soft.assertThat(nothing.statusCode()).as(user + " " + nothing.body()).isEqualTo(400);
            soft.assertThat(refusal(nothing)).as(user).isEqualTo("reviewDecision is required");
            var object = restApi(user, "POST", review.getId() + "/submit-form", "{\"variables\":{\"reviewDecision\":" + JAVA_OBJECT + "}}");
            soft.assertThat(object.statusCode()).as(user + " " + object.body()).isEqualTo(400);
            soft.assertThat(refusal(object)).as(user)
                    .isEqualTo("reviewDecision must be one of [proceed, reject], not a serialized object (type Object)");
        }

        // Writing a task's variables with a null: an operator's write is refused for what it is (403), never a 500
        for (String[] write : new String[][] {{"POST", "/variables", "{\"modifications\":{\"reviewDecision\":null}}"},
                {"POST", "/localVariables", "{\"modifications\":{\"reviewDecision\":null}}"},
                {"PUT", "/variables/reviewDecision", "null"}, {"PUT", "/localVariables/reviewDecision", "null"}}) {
            var written = session.send("zh-CN", write[0], task + write[1], write[2]);
            soft.assertThat(written.statusCode()).as(write[1] + " " + written.body()).isEqualTo(403);
        }
        var resolved = session.send("en", "POST", task + "/resolve", "{\"variables\":{\"orderId\":" + JSON_OBJECT + "}}");
        soft.assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(400);
        // A resolve (the answer to a delegation, which nobody makes) wrote the form's field past its check: a write
        for (String answer : new String[] {"{\"reviewDecision\":null}", "{\"reviewDecision\":{\"value\":\"proceed\"}}"}) {
            var resolvedPastTheForm = session.send("zh-CN", "POST", task + "/resolve", "{\"variables\":" + answer + "}");
            soft.assertThat(resolvedPastTheForm.statusCode()).as(answer + " " + resolvedPastTheForm.body()).isEqualTo(403);
        }

        soft.assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count())
                .as("the task stays open").isEqualTo(1);
        soft.assertThat((Object) engine.getTaskService().getVariableTyped(review.getId(), "reviewDecision", false))
                .as("nothing was taken").isNull();
    }

    /**
     * The second exploratory test: a body of JSON null, and a value its type cannot hold (Json that is no JSON, Xml
     * without its format, a File without its valueInfo), were 500s (a NullPointerException, Spin's and the engine's
     * own errors) on both engine APIs. They are 400s; the task stays open.
     */
    @Test
    void aNullBodyOrAValueItsTypeCannotHoldIsABadRequest() throws Exception {
        Task review = reviewTask();
        TasklistSession session = TasklistSession.login(port, "mary");
        String task = "/task/" + review.getId();

        for (String endpoint : new String[] {"/complete", "/submit-form", "/claim", "/identity-links"}) {
            var nothing = restApi("mary:mary", "POST", review.getId() + endpoint, "null");
            soft.assertThat(nothing.statusCode()).as(endpoint + " " + nothing.body()).isEqualTo(400);
            soft.assertThat(refusal(nothing)).as(endpoint).contains("body is null");
        }
        var inTasklist = session.send("zh-CN", "POST", task + "/submit-form", "null");
        soft.assertThat(inTasklist.statusCode()).as(inTasklist.body()).isEqualTo(400);

        for (String value : new String[] {"{\"value\":\"{not json\",\"type\":\"Json\"}",
                "{\"value\":\"<a\",\"type\":\"Xml\"}", "{\"value\":\"proceed\",\"type\":\"File\"}"}) {
            var typed = restApi("mary:mary", "POST", review.getId() + "/submit-form",
                    "{\"variables\":{\"reviewDecision\":" + value + "}}");
            soft.assertThat(typed.statusCode()).as(value + " " + typed.body()).isEqualTo(400);
            soft.assertThat(message(typed)).as(value).containsAnyOf("reviewDecision is not what its type says",
                    "A variable's value is not what its type says");
            var submitted = session.send("en", "POST", task + "/submit-form", "{\"variables\":{\"reviewDecision\":" + value + "}}");
            soft.assertThat(submitted.statusCode()).as(value + " " + submitted.body()).isEqualTo(400);
        }
        soft.assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count())
                .as("the task stays open").isEqualTo(1);
    }

    /**
     * Exploratory test s10 (D4, D5) in Tasklist's own engine API: a note with the NUL character, and one within the
     * limit in characters but beyond it in UTF-16 units (1 200 CJK Extension B characters, as the tester sent), are
     * 400s naming the field, in Chinese for a Chinese operator; before, the first was a 500 quoting PostgreSQL's
     * INSERT, the second taken (on H2 a 500 quoting the UPDATE). The task stays open.
     */
    @Test
    void aNoteWithTheNulCharacterOrLongerInUtf16UnitsIsRefusedInTasklist() throws Exception {
        Task review = reviewTask();
        TasklistSession session = TasklistSession.login(port, "mary");
        String task = "/task/" + review.getId();
        String rare = new String(Character.toChars(0x20000));

        var nul = session.send("en", "POST", task + "/submit-form",
                "{\"variables\":{\"reviewDecision\":{\"value\":\"reject\"},\"operatorNote\":{\"value\":\"bad\\u0000note\"}}}");
        soft.assertThat(nul.statusCode()).as(nul.body()).isEqualTo(400);
        soft.assertThat(refusal(nul)).isEqualTo("operatorNote must not contain the NUL character (U+0000)");
        var nulInChinese = session.send("zh-CN", "POST", task + "/submit-form",
                "{\"variables\":{\"reviewDecision\":{\"value\":\"reject\"},\"operatorNote\":{\"value\":\"bad\\u0000note\"}}}");
        soft.assertThat(nulInChinese.statusCode()).as(nulInChinese.body()).isEqualTo(400);
        soft.assertThat(refusal(nulInChinese)).endsWith("不能包含 NUL 字符（U+0000）");
        var tooLong = session.send("en", "POST", task + "/submit-form",
                "{\"variables\":{\"reviewDecision\":{\"value\":\"reject\"},\"operatorNote\":{\"value\":\"" + rare.repeat(1200)
                        + "\"}}}");
        soft.assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(400);
        soft.assertThat(refusal(tooLong)).isEqualTo("operatorNote may be at most 2000 characters long, was 2400");
        soft.assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count())
                .as("the task stays open").isEqualTo(1);
    }

    /** The message of an answer that carries no Java words (a class, an exception, a stack trace). */
    private String refusal(HttpResponse<String> answer) throws Exception {
        soft.assertThat(answer.body()).as("no Java words reach the answer").doesNotContain("java.", "NullPointer",
                "ConcurrentModification", "IllegalState", "\\tat ");
        return message(answer);
    }

    private HttpResponse<String> restApi(String user, String method, String taskPath, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/" + taskPath))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(user.getBytes()))
                .header("Accept-Language", "zh-CN").header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
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
}

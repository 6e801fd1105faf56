package io.dropflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Groups, their authorizations and the Tasklist filters, as configured in dropflow.identity. */
@DropflowTest
class IdentityTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    private boolean mayOpen(String user, String application) {
        AuthorizationService authorizations = engine.getAuthorizationService();
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
                .map(g -> g.getId()).toList();
        return authorizations.isUserAuthorized(user, groups, Permissions.ACCESS, Resources.APPLICATION, application);
    }

    @Test
    void eachGroupOpensOnlyTheWebappsItsWorkNeeds() {
        assertThat(engine.getIdentityService().createGroupQuery().groupIdIn("operators", "supervisors", "analysts")
                .count()).isEqualTo(3);

        assertThat(mayOpen("mary", "tasklist")).as("operator in Tasklist").isTrue();
        assertThat(mayOpen("mary", "cockpit")).as("operator in Cockpit").isFalse();
        assertThat(mayOpen("mary", "admin")).as("operator in Admin").isFalse();

        assertThat(mayOpen("sam", "tasklist")).as("supervisor in Tasklist").isTrue();
        assertThat(mayOpen("sam", "cockpit")).as("supervisor in Cockpit").isTrue();
        assertThat(mayOpen("sam", "admin")).as("supervisor in Admin").isFalse();

        assertThat(mayOpen("anna", "cockpit")).as("analyst in Cockpit").isTrue();
        assertThat(mayOpen("anna", "tasklist")).as("analyst in Tasklist").isFalse();
        assertThat(mayOpen("anna", "admin")).as("analyst in Admin").isFalse();
    }

    @Test
    void analystsMayDeployModelsOperatorsMayNot() throws Exception {
        assertThat(deploy("anna", "anna")).isEqualTo(200);
        assertThat(deploy("mary", "mary")).isEqualTo(403);
    }

    @Test
    void tasklistFiltersListTheGroupsTasksWithDueDateAndPriority() {
        List<Filter> filters = engine.getFilterService().createFilterQuery().list();
        assertThat(filters).extracting(Filter::getName)
                .contains("My group's tasks", "SLA breaches", "Claims and returns", "Supplier onboarding");

        // An order to a PO box needs review by an operator, due within 4 hours
        DropflowDriver driver = new DropflowDriver(port, engine);
        long order = driver.place(DropflowDriver.order("SHOP-" + UUID.randomUUID(), "DEMO-MUG", 1, "15.00",
                "Postfach 99")).orderId();
        driver.runJobs(order);

        Filter myGroups = filters.stream().filter(f -> f.getName().equals("My group's tasks")).findFirst().orElseThrow();
        engine.getIdentityService().setAuthentication("mary", List.of("operators"));
        List<Task> listed;
        try {
            // sorted as Tasklist asks (its sort control); the filter holds no sorting of its own
            listed = engine.getFilterService().list(myGroups.getId(), engine.getTaskService().createTaskQuery()
                    .orderByDueDate().asc());
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        Task review = listed.stream().filter(t -> t.getProcessInstanceId().equals(driver.processInstanceId(order)))
                .findFirst().orElseThrow();
        assertThat(review.getPriority()).isEqualTo(50);
        assertThat(review.getDueDate().toInstant().getEpochSecond())
                .isCloseTo(Instant.now().plus(Duration.ofHours(4)).getEpochSecond(), within(120L));
        assertThat(listed).extracting(Task::getDueDate).isSortedAccordingTo(java.util.Comparator.nullsLast(
                java.util.Comparator.naturalOrder()));
    }

    private int deploy(String user, String password) throws Exception {
        String boundary = "dropflow-" + UUID.randomUUID();
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    targetNamespace="https://dropflow.io/test">
                  <process id="analyst_sketch_%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="start"/>
                  </process>
                </definitions>
                """.formatted(user);
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nsketch-" + user
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"sketch.bpmn\"; filename=\"sketch.bpmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n" + model + "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.TasklistSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Exploratory test s14 (tasklist, defect 3): Tasklist's sort control did nothing in Dropflow's filters — each filter
 * stored a due-date sorting, which the engine puts before the one Tasklist sends, so "created, oldest first" and
 * "created, newest first" listed the same. The filters hold no sorting now: the operator's choice orders the list.
 */
@DropflowTest
class TasklistSortingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TasklistFilters tasklistFilters;

    @Test
    void theOperatorsSortingOrdersAFiltersList() throws Exception {
        String first = reviewTask();
        // another creation second: the engine's clock moved on (ADR 0009), the second task created later, due later
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(1)));
        String second;
        try {
            second = reviewTask();
        } finally {
            ClockUtil.reset();
        }
        TasklistSession mary = TasklistSession.login(port, "mary");
        String filter = filterId(TasklistFilters.MY_GROUPS_TASKS);

        List<String> newestFirst = ids(mary, filter, "created", "desc");
        List<String> oldestFirst = ids(mary, filter, "created", "asc");
        assertThat(newestFirst).containsSubsequence(second, first);
        assertThat(oldestFirst).containsSubsequence(first, second);
    }

    /**
     * Operators want the most urgent task on top, which no filter can give them in Tasklist (its sorting would come
     * before the operator's): operations.md gives a Tasklist link whose address holds the sorting. Tasklist sends that
     * sorting with the list request, as here: due date first, so the task due earlier is on top, where Tasklist's own
     * start (created, newest first) lists it below. The shipped filters hold no sorting, so the link's is the one used.
     */
    @Test
    void theDocumentedTasklistLinkListsTheMostUrgentFirst() throws Exception {
        String line = java.nio.file.Files.readAllLines(java.nio.file.Path.of("docs/operations.md")).stream()
                .filter(l -> l.startsWith("/camunda/app/tasklist/default/#/?sorting=")).findFirst().orElseThrow();
        String sorting = java.net.URLDecoder.decode(line.substring(line.indexOf("sorting=") + "sorting=".length()),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(JSON.readTree(sorting).get(0).path("sortBy").asText()).isEqualTo("dueDate");
        assertThat(JSON.readTree(sorting).get(0).path("sortOrder").asText()).isEqualTo("asc");
        for (String name : List.of(TasklistFilters.MY_GROUPS_TASKS, TasklistFilters.SLA_BREACHES,
                TasklistFilters.CLAIMS_AND_RETURNS, TasklistFilters.SUPPLIER_ONBOARDING, TasklistFilters.ASSIGNED_TO_ME)) {
            Filter filter = engine.getFilterService().createFilterQuery().filterName(name).singleResult();
            assertThat(((TaskQueryImpl) filter.getQuery()).getOrderingProperties()).as(name).isNullOrEmpty();
        }

        String earlier = reviewTask();
        Thread.sleep(1100); // another creation second: the second task is due later
        String later = reviewTask();
        assertThat(engine.getTaskService().createTaskQuery().taskId(earlier).singleResult().getDueDate())
                .isBefore(engine.getTaskService().createTaskQuery().taskId(later).singleResult().getDueDate());
        TasklistSession mary = TasklistSession.login(port, "mary");
        String filter = filterId(TasklistFilters.MY_GROUPS_TASKS);

        assertThat(ids(mary, filter, sorting)).containsSubsequence(earlier, later);
        assertThat(ids(mary, filter, "created", "desc")).as("Tasklist's own start").containsSubsequence(later, earlier);
    }

    /** A filter created before, with the due-date sorting it held then, loses it (and its description's promise). */
    @Test
    void aFilterCreatedWithTheFixedSortingLosesIt() {
        Filter filter = engine.getFilterService().createFilterQuery().filterName(TasklistFilters.MY_GROUPS_TASKS)
                .singleResult();
        filter.setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks().orderByDueDate().asc().orderByTaskPriority().desc().orderByTaskCreateTime().asc());
        var properties = new java.util.HashMap<>(filter.getProperties());
        properties.put("description", TasklistFilters.MY_GROUPS_TASKS_EARLIER_DESCRIPTION);
        filter.setProperties(properties);
        engine.getFilterService().saveFilter(filter);

        tasklistFilters.createFilters();

        Filter after = engine.getFilterService().getFilter(filter.getId());
        assertThat(((TaskQueryImpl) after.getQuery()).getOrderingProperties()).isNullOrEmpty();
        assertThat(((TaskQueryImpl) after.getQuery()).isIncludeAssignedTasks()).as("the rest of the query kept").isTrue();
        assertThat(after.getProperties()).containsEntry("description", TasklistFilters.MY_GROUPS_TASKS_DESCRIPTION);
    }

    private List<String> ids(TasklistSession who, String filter, String sortBy, String order) throws Exception {
        return ids(who, filter, "[{\"sortBy\":\"" + sortBy + "\",\"sortOrder\":\"" + order + "\"}]");
    }

    private List<String> ids(TasklistSession who, String filter, String sorting) throws Exception {
        HttpResponse<String> list = who.send("en", "POST", "/filter/" + filter + "/list?firstResult=0&maxResults=200",
                "{\"sorting\":" + sorting + "}");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode tasks = JSON.readTree(list.body());
        JsonNode embedded = tasks.path("_embedded").path("task");
        List<String> ids = new ArrayList<>();
        (embedded.isArray() ? embedded : tasks).forEach(task -> ids.add(task.path("id").asText()));
        return ids;
    }

    private String filterId(String name) {
        return engine.getFilterService().createFilterQuery().filterName(name).singleResult().getId();
    }

    private String reviewTask() {
        DropflowDriver dropflow = new DropflowDriver(port, engine);
        DropflowDriver.Placed placed = dropflow.place(DropflowDriver.order("SHOP-" + UUID.randomUUID(), "DEMO-MUG", 1,
                "15.00", "PO Box 42"));
        dropflow.runJobs(placed.orderId());
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(dropflow.processInstanceId(placed.orderId()))
                .singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("user_review_order");
        return task.getId();
    }
}

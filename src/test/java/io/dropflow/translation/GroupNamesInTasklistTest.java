package io.dropflow.translation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.security.IdentitySettings;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.TasklistSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Exploratory s16 tour, M2: the Chinese Tasklist named a task's candidate groups in English ("Operators,
 * supervisors": the second one an id, since an operator could not read the supervisors' group), and for the group
 * leader Leo, who could not read the operators' group, the raw id "operators". Tasklist names them from the task
 * it fetches (HAL: the identity links with their groups, a name where the viewer may read the group, else the id).
 * Each is the group's name in the operator's language now, for every user; English stays the configured name.
 */
@DropflowTest
class GroupNamesInTasklistTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentitySettings identity;

    private final List<String> tasks = new ArrayList<>();

    @AfterEach
    void deleteTasks() {
        tasks.forEach(id -> engine.getTaskService().deleteTask(id, true));
    }

    /** An escalated operator task: Mary reads both groups' names, in Chinese or in English. */
    @Test
    void anOperatorReadsTheTasksGroupsInHerLanguage() throws Exception {
        Task escalated = task(null, "operators", "supervisors");
        TasklistSession mary = TasklistSession.login(port, "mary");

        assertThat(groupsShown(mary.getHal("zh-CN,zh;q=0.9", "/task/" + escalated.getId()))).containsExactlyInAnyOrder("操作员", "主管");
        assertThat(groupsShown(mary.getHal("en-US,en;q=0.9", "/task/" + escalated.getId())))
                .containsExactlyInAnyOrder("Operators", "Supervisors");
    }

    /** A receipt task assigned to the group leader, offered to operators too: Leo reads its group's name, not its id. */
    @Test
    void aGroupLeaderReadsTheGroupsNameNotItsId() throws Exception {
        Task receipt = task("leo", "operators");
        TasklistSession leo = TasklistSession.login(port, "leo");

        assertThat(groupsShown(leo.getHal("zh-CN", "/task/" + receipt.getId()))).containsExactly("操作员");
        assertThat(groupsShown(leo.getHal("en", "/task/" + receipt.getId()))).containsExactly("Operators");

        // Least privilege: the configured work groups by their ids, no other group (the administrators'), no users
        assertThat(JSON.readTree(leo.send("en", "GET", "/group", null).body()).findValuesAsText("id"))
                .containsExactlyInAnyOrderElementsOf(identity.groups().keySet());
        assertThat(JSON.readTree(leo.send("en", "GET", "/user", null).body()).findValuesAsText("id")).containsExactly("leo");
    }

    /** What the exploratory tester asked: the identity answers of a user's groups, in the operator's language. */
    @Test
    void theIdentityAnswersNameTheGroupsInTheOperatorsLanguage() throws Exception {
        TasklistSession mary = TasklistSession.login(port, "mary");

        HttpResponse<String> identityGroups = mary.send("zh-CN", "GET", "/identity/groups?userId=mary", null);
        assertThat(identityGroups.statusCode()).as(identityGroups.body()).isEqualTo(200);
        assertThat(JSON.readTree(identityGroups.body()).path("groups").findValuesAsText("name")).containsExactly("操作员");
        assertThat(JSON.readTree(identityGroups.body()).path("groups").findValuesAsText("id")).containsExactly("operators");
        HttpResponse<String> member = mary.send("zh-CN", "GET", "/group?member=mary", null);
        assertThat(JSON.readTree(member.body()).findValuesAsText("name")).as(member.body()).containsExactly("操作员");

        assertThat(JSON.readTree(mary.send("en", "GET", "/identity/groups?userId=mary", null).body()).path("groups")
                .findValuesAsText("name")).containsExactly("Operators");
        assertThat(JSON.readTree(mary.send("en", "GET", "/group?member=mary", null).body()).findValuesAsText("name"))
                .containsExactly("Operators");
        // One group is what Camunda Admin's group page edits and saves back: its stored name, in any language
        HttpResponse<String> one = mary.send("zh-CN", "GET", "/group/operators", null);
        assertThat(JSON.readTree(one.body()).path("name").asText()).as(one.body()).isEqualTo("Operators");
    }

    /** Every configured work group's name has its Chinese (glossary: operators 操作员, supervisors 主管, …). */
    @Test
    void everyConfiguredGroupsNameHasChinese() {
        assertThat(identity.groups()).isNotEmpty();
        identity.groups().forEach((id, group) -> assertThat(OperatorTexts.of("zh").find(group.name()))
                .as("a Chinese entry for the name of group %s, \"%s\", in forms/i18n/operator-texts.zh.json", id, group.name())
                .isPresent());
    }

    /**
     * Names as Tasklist's task header takes them: the engine's HAL answer embeds the groups the viewer may read beside
     * the identity links ({@code _embedded.group}), Tasklist's client puts each with its link; a candidate group's
     * name when it is there, else its id.
     */
    private static List<String> groupsShown(HttpResponse<String> task) throws Exception {
        assertThat(task.statusCode()).as(task.body()).isEqualTo(200);
        JsonNode embedded = JSON.readTree(task.body()).path("_embedded");
        List<String> shown = new ArrayList<>();
        for (JsonNode link : embedded.path("identityLink")) {
            if ("candidate".equals(link.path("type").asText()) && link.hasNonNull("groupId")) {
                String id = link.get("groupId").asText();
                String name = null;
                for (JsonNode group : embedded.path("group")) {
                    if (id.equals(group.path("id").asText()) && group.hasNonNull("name")) {
                        name = group.get("name").asText();
                    }
                }
                shown.add(name != null ? name : id);
            }
        }
        return shown;
    }

    private Task task(String assignee, String... candidateGroups) {
        TaskService taskService = engine.getTaskService();
        Task task = taskService.newTask();
        task.setName("Decide on out-of-stock order");
        task.setAssignee(assignee);
        taskService.saveTask(task);
        tasks.add(task.getId());
        for (String group : candidateGroups) {
            taskService.addCandidateGroup(task.getId(), group);
        }
        return task;
    }
}

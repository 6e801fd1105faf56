package io.dropflow.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.junit.jupiter.api.Test;

/**
 * A 403 that Tasklist shows a Chinese-reading operator reads in Chinese throughout, ids aside: the engine's
 * own refusal with its permission and resource names (TASK_WORK, ProcessDefinition), and Dropflow's
 * people rules with a task's candidate groups (operators) and its fields (priority, due) in them.
 */
class RefusalsInChineseTest {

    private static final OperatorTexts CHINESE = OperatorTexts.of("zh");
    /** An English word left in a translation: three letters or more. */
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z_]{3,}");

    private static String chinese(String english) {
        return CHINESE.findMessage(english).orElseThrow(() -> new AssertionError("no Chinese for: " + english));
    }

    /** The English words left in {@code chinese}, but for the ids it names. */
    private static List<String> englishIn(String chinese, String... ids) {
        String rest = chinese;
        for (String id : ids) {
            rest = rest.replace(id, "");
        }
        List<String> words = new java.util.ArrayList<>();
        Matcher word = ENGLISH.matcher(rest);
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }

    @Test
    void theEnginesRefusalNamesItsPermissionsAndResourcesInChinese() {
        String one = new AuthorizationException("mary", "TASK_WORK", "Task", "t-17").getMessage();
        String many = new AuthorizationException("mary", List.of(new MissingAuthorization("TASK_WORK", "Task", "t-17"),
                new MissingAuthorization("UPDATE", "Task", "t-17"),
                new MissingAuthorization("UPDATE_TASK", "ProcessDefinition", "order_fulfillment"))).getMessage();
        String typeOnly = new AuthorizationException("mary", List.of(new MissingAuthorization("CREATE", "Deployment", null)))
                .getMessage();
        String history = new AuthorizationException("mary", List.of(new MissingAuthorization("READ_HISTORY",
                "ProcessDefinition", "order_fulfillment"))).getMessage();

        assertThat(chinese(one)).isEqualTo("用户 mary 没有对任务 t-17 的“处理任务”权限。");
        assertThat(chinese(many)).isEqualTo("用户 mary 没有以下任一权限：对任务 t-17 的“处理任务”权限，或对任务 t-17 的“修改”权限，"
                + "或对流程定义 order_fulfillment 的“修改任务”权限");
        assertThat(englishIn(chinese(typeOnly), "mary")).isEmpty();
        assertThat(englishIn(chinese(history), "mary", "order_fulfillment")).isEmpty();
    }

    @Test
    void thePeopleRulesNameGroupsAndFieldsInChinese() {
        List<String> refusals = List.of(
                "leo is neither its assignee nor one of its candidates (operators, supervisors) nor a supervisor: only they"
                        + " may give this task to someone",
                "group leaders may not be given this task: only supervisors may be added to its candidate groups (operators)",
                "anna may not be given this task: only a member of its candidate groups (operators), the one its model"
                        + " assigns it to, or a supervisor may",
                "of a task, its follow-up date and assignee may be changed, not its priority, due, owner: the model sets them");
        for (String refusal : refusals) {
            assertThat(englishIn(chinese(refusal), "leo", "anna")).as(chinese(refusal)).isEmpty();
        }
        assertThat(chinese(refusals.get(0))).contains("（操作员、主管）");
    }
}

package io.dropflow.translation;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationException;
import org.junit.jupiter.api.Test;

/**
 * The names that make a 403 read in Chinese (the engine's permissions and resource types, the people rules'
 * candidate groups and task fields: "READ", "Task", "operators", "owner") translate the values of those refusals
 * only. Any other message's value that happens to be one of these words (a user id "owner", a supplier code
 * "ALL", a SKU "READ") is a name someone gave a thing and is kept as sent, as is such a word on its own.
 */
class RefusalNamesTest {

    private static final OperatorTexts CHINESE = OperatorTexts.of("zh");

    private static String chinese(String english) {
        return CHINESE.findMessage(english).orElseThrow(() -> new AssertionError("no Chinese for: " + english));
    }

    @Test
    void aValueOfAnotherMessageThatIsARefusalsNameIsKeptAsSent() {
        assertThat(chinese("no supplier offers READ any more")).isEqualTo("已没有供应商提供 READ");
        assertThat(chinese("Purchase order PO-1 to ALL")).isEqualTo("发给 ALL 的采购单 PO-1");
        assertThat(chinese("Purchase order PO-2 to owner")).isEqualTo("发给 owner 的采购单 PO-2");
        assertThat(chinese("Purchase order PO-3 to operators, owner")).isEqualTo("发给 operators, owner 的采购单 PO-3");
        // a form's field the caller sent: not the task's own field of that name
        assertThat(chinese("the task's form has no field priority: a task is answered with its form's fields only"))
                .isEqualTo("任务的表单没有字段 priority：任务只能用其表单中的字段来回答");
    }

    @Test
    void aRefusalsNameOnItsOwnIsNoMessage() {
        for (String word : new String[] {"ALL", "READ", "Task", "User", "owner", "due", "priority", "operators",
                "supervisors", "camunda-admin", "TASK_WORK", "ProcessDefinition", "Group membership"}) {
            assertThat(CHINESE.findMessage(word)).as(word).isEmpty();
        }
    }

    @Test
    void inARefusalTheIdsAreKeptAndTheNamesTranslated() {
        String engines = new AuthorizationException("owner", "READ", "Task", "ALL").getMessage();
        assertThat(chinese(engines)).isEqualTo("用户 owner 没有对任务 ALL 的“查看”权限。");
        assertThat(chinese("owner has claimed this task: only its assignee may complete it (or an administrator)"))
                .isEqualTo("owner 已认领此任务：只有其处理人（或管理员）可以完成它");
        assertThat(chinese("due may not be given this task: only a member of its candidate groups (operators, leo-team),"
                + " the one its model assigns it to, or a supervisor may"))
                .startsWith("不能把此任务交给 due：只有其候选组（操作员、leo-team）的成员");
        assertThat(chinese("of a task, its follow-up date and assignee may be changed, not its priority, due, owner:"
                + " the model sets them")).isEqualTo("任务只能修改跟进日期和处理人，不能修改 优先级、到期日、所有者：这些由流程模型设定");
    }

    /** A name under a parameter no pattern has ("{permision}=READ") would translate nothing: Tasklist would show the English. */
    @Test
    void everyNameIsForAParameterOfAPattern() {
        assertThat(CHINESE.namesOfNoParameter()).as("names for a parameter no message pattern has").isEmpty();
        assertThat(new OperatorTexts("zh", java.util.Map.of(), java.util.Map.of("{permision}=READ", "查看",
                "{candidateGroup}=operators", "操作员", "candidate groups ({candidateGroups})", "候选组（{candidateGroups}）"))
                .namesOfNoParameter()).containsExactly("permision");
    }
}

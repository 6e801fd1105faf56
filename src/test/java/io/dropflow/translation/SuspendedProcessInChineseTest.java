package io.dropflow.translation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A task of a process an administrator suspended: Tasklist shows the engine API's 409 under the form, in Chinese
 * too (EngineRestAnswers words it; the engine's own cause stays as it wrote it).
 */
class SuspendedProcessInChineseTest {

    @Test
    void theSuspendedProcesssRefusalReadsInChinese() {
        String refusal = "ENGINE-03043 ProcessInstance with id 42 is suspended: its process is suspended (an administrator"
                + " suspended it in Cockpit); nothing is done on it until it is resumed (Cockpit: the process instance,"
                + " Activate)";

        assertThat(OperatorTexts.of("zh").translateMessage(refusal)).isEqualTo("ENGINE-03043 ProcessInstance with id 42"
                + " is suspended：其流程已被挂起（管理员在 Cockpit 中挂起了它）；恢复之前不会处理它（Cockpit：流程实例，激活）");
    }
}

package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

/** Who a claim's, return's or application's history names as having decided a task. */
class TaskActorsTest {

    private final DelegateTask task = mock(DelegateTask.class);
    private final IdentityService identity = mock(IdentityService.class);

    TaskActorsTest() {
        ProcessEngineServices services = mock(ProcessEngineServices.class);
        when(task.getProcessEngineServices()).thenReturn(services);
        when(services.getIdentityService()).thenReturn(identity);
    }

    /**
     * Through the engine REST API an administrator may complete a task an operator claimed: the
     * one who completed it decided, not the one who claimed it.
     */
    @Test
    void theUserCompletingTheTaskDecidedEvenWhenAnotherClaimedIt() {
        when(task.getAssignee()).thenReturn("mary");
        when(identity.getCurrentAuthentication()).thenReturn(new Authentication("lin", List.of("operators")));

        assertThat(TaskActors.who(task)).isEqualTo("lin");
    }

    @Test
    void withoutAUserCompletingItTheAssigneeDecided() {
        when(task.getAssignee()).thenReturn("mary");

        assertThat(TaskActors.who(task)).isEqualTo("mary");
    }

    @Test
    void neitherAssignedNorCompletedByAUserIsAnOperator() {
        assertThat(TaskActors.who(task)).isEqualTo("an operator");
    }
}

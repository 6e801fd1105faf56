package io.dropflow.groupbuy.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.groupbuy.internal.GroupBuyDeadlines;
import io.dropflow.processengine.MessageInbox;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * The leader's receipt answers "Decide on missing parcel" for an operator; an operator deciding on it at the same
 * moment made the engine refuse one of them, and the leader got a 500 (the second review). It is the API's 409
 * "try again" now (ConcurrencyFailureException), the whole receipt rolled back.
 */
class ReceiptMeetsAnOperatorTest {

    private final RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
    private final TaskService tasks = mock(TaskService.class, RETURNS_DEEP_STUBS);
    private final Tracking tracking = mock(Tracking.class, RETURNS_DEEP_STUBS);
    private final GroupBuyBatches batches = new GroupBuyBatches(runtime, tasks, mock(MessageInbox.class),
            mock(GroupBuyDeadlines.class), tracking, mock(io.dropflow.groupbuy.internal.PurchaseWaits.class),
            mock(io.dropflow.groupbuy.internal.GroupBuyTaskForm.class));

    private Task decideOnMissingParcel() {
        Task task = mock(Task.class);
        when(task.getId()).thenReturn("task-1");
        when(task.getName()).thenReturn("Decide on missing parcel");
        when(task.getExecutionId()).thenReturn("execution-1");
        when(tasks.createTaskQuery().processInstanceBusinessKeyLike(anyString()).taskDefinitionKey(anyString()).list())
                .thenReturn(List.of(), List.of(task));
        when(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(anyString()).activityIdIn(anyString())
                .list()).thenReturn(List.of());
        when(runtime.getVariables(anyString(), anyList())).thenReturn(Map.of("purchaseNo", 1L, "shipmentId", 8L));
        when(tracking.shipment(8L).status()).thenReturn(TrackingStatus.DELIVERED);
        return task;
    }

    @Test
    void anOperatorsDecisionAtTheSameMomentIsAConflictToTryAgain() {
        decideOnMissingParcel();
        doThrow(new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity' failed"))
                .when(tasks).complete(anyString(), anyMap());

        assertThatThrownBy(() -> batches.confirmReceipt(7L, "leo")).isInstanceOf(ConcurrencyFailureException.class)
                .hasMessageContaining("batch 7 (Decide on missing parcel) was completed by someone else");
    }

    @Test
    void aTaskAnOperatorCompletedJustBeforeIsAConflictToTryAgainToo() {
        decideOnMissingParcel();
        doThrow(new NullValueException("Cannot find task with id task-1: task is null"))
                .when(tasks).complete(anyString(), anyMap());

        assertThatThrownBy(() -> batches.confirmReceipt(7L, "leo")).isInstanceOf(ConcurrencyFailureException.class);
    }
}

package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's id check on every insert, without building its message for an id it accepts. */
class EntityIdCheckTest {

    private final ProcessEngine engine = engine(List.of(new EntityIdCheck()));

    private static ProcessEngine engine(List<org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin> plugins) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:entity-id-check-" + UUID.randomUUID());
        configuration.setProcessEnginePlugins(plugins);
        return configuration.buildProcessEngine();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private static <T> T inCommand(ProcessEngine engine, org.camunda.bpm.engine.impl.interceptor.Command<T> command) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(command);
    }

    /** A row (its id is its name) whose toString() fails: inserting it shows whether the check printed it. */
    private static PropertyEntity unprintable() {
        return new PropertyEntity("entity-id-check", "value") {
            @Override
            public String toString() {
                throw new AssertionError("the entity was printed");
            }
        };
    }

    /** Ends the command before its flush: the row above has no insert statement of its own. */
    private static final class RolledBack extends RuntimeException {
    }

    private static void insertAndRollBack(ProcessEngine engine, PropertyEntity row) {
        try {
            inCommand(engine, context -> {
                context.getDbEntityManager().insert(row);
                throw new RolledBack();
            });
        } catch (RolledBack expected) {
            // inserted into the command's cache, checked, never written
        }
    }

    @Test
    void anAcceptedIdIsCheckedWithoutPrintingTheEntity() {
        Object rows = inCommand(engine, context -> context.getDbEntityManager());
        assertThat(rows).isInstanceOf(EntityIdCheck.CheckingIdsFirst.class);
        insertAndRollBack(engine, unprintable());
        // The engine's own entity manager prints it (what the plugin saves on every insert).
        ProcessEngine plain = engine(List.of());
        try {
            assertThatThrownBy(() -> insertAndRollBack(plain, unprintable()))
                    .isInstanceOf(AssertionError.class).hasMessage("the entity was printed");
        } finally {
            plain.close();
        }
    }

    @Test
    void aRefusedIdIsRefusedWithTheEnginesMessage() {
        PropertyEntity row = new PropertyEntity("*", "value");
        assertThatThrownBy(() -> insertAndRollBack(engine, row))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Entity " + row + " has an invalid id")
                .hasMessageContaining("is a reserved identifier");
    }

    @Test
    void processesRunAsBefore() {
        engine.getRepositoryService().createDeployment().addModelInstance("p.bpmn", Bpmn.createExecutableProcess("p")
                .camundaHistoryTimeToLive(1).startEvent().userTask("t").endEvent().done()).deploy();
        String instance = engine.getRuntimeService().startProcessInstanceByKey("p").getId();
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(instance)
                .singleResult().getId());
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance)
                .singleResult().getEndTime()).isNotNull();
    }
}

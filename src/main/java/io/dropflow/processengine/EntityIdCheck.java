package io.dropflow.processengine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * The engine checks every row it inserts for a usable id (not null, not the authorizations' "*").
 * Camunda 7.24's check ({@code DbEntityManager.validateId}) builds its error message first, with
 * the whole entity's {@code toString()} (a job's or a task's twenty fields, dates formatted with
 * their time zone's name), and then checks: 6 % of the job threads' CPU while 10 000 ship-by
 * deadlines fired (docs/performance.md, fifteenth round). The engine's entity manager is opened
 * here with the same check, which calls the engine's own (message included) only for an id it
 * refuses. Nothing else of the entity manager changes.
 */
@Component
class EntityIdCheck extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Custom session factories are added after the engine's own and replace the one of the same type.
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new EntityManagers());
        configuration.setCustomSessionFactories(factories);
    }

    /** Opens the command's entity manager, as the engine's DbEntityManagerFactory does. */
    static final class EntityManagers implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return DbEntityManager.class;
        }

        @Override
        public Session openSession() {
            return new CheckingIdsFirst(Context.getProcessEngineConfiguration().getIdGenerator(),
                    Context.getCommandContext().getSession(PersistenceSession.class));
        }
    }

    /** The engine's entity manager, its id check without the message for ids it accepts. */
    static final class CheckingIdsFirst extends DbEntityManager {

        CheckingIdsFirst(IdGenerator ids, PersistenceSession persistence) {
            super(ids, persistence);
        }

        @Override
        protected void validateId(DbEntity entity) {
            String id = entity.getId();
            if (id == null || Authorization.ANY.equals(id)) {
                super.validateId(entity); // refuses it, with the engine's message
            }
        }
    }
}

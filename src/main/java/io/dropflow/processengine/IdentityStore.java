package io.dropflow.processengine;

import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's own store of users, groups and tenants (its database tables), with two failures that were ours made
 * the caller's, whichever API calls the engine (the engine REST API, the webapps' engine API that Camunda Admin uses,
 * a login, the engine's Java API):
 * <ul>
 * <li>A membership of a user, group or tenant that is not there (adding "li-na" to a group, a member to a group or
 * tenant never made): the engine's own check found it missing with a NullValueException ("No user found with id
 * 'li-na'.: user is null"), which the engine API answers 500 and the engine logs as ENGINE-16004 at ERROR
 * (exploratory s18, H2). It is a NotFoundException saying what is not there: the caller's error, a 400 in the engine
 * API's error shape, logged at DEBUG as the engine logs a caller's errors. Whether the user, group or tenant is
 * there is read after the engine's own refusal, as the engine reads it (the caller's read permission included), so
 * nothing is told that the engine would not have told.</li>
 * <li>A user without a password (made through the engine's Java API, or with the password policy off): the engine
 * compared a password with the stored one that is not there, a NullPointerException on every login naming the user
 * (HTTP Basic, Camunda's login), a 500 and an ENGINE-16004 ERROR anyone could cause (exploratory s18, H12). Such a
 * user is refused a login as a wrong password is.</li>
 * </ul>
 * An identity provider configured otherwise (LDAP) is left as it is.
 */
@Component
class IdentityStore extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getIdentityProviderSessionFactory() == null) {
            configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(Tables.class));
        }
    }

    /** The engine's database identity provider with the two refusals; made by the engine for each command. */
    public static class Tables extends DbIdentityServiceProvider {

        @Override
        protected boolean matchPassword(String password, UserEntity user) {
            return user.getPassword() != null && super.matchPassword(password, user);
        }

        @Override
        public IdentityOperationResult createMembership(String userId, String groupId) {
            try {
                return super.createMembership(userId, groupId);
            } catch (NullValueException refused) {
                if (findUserById(userId) == null) {
                    throw notThere("user", userId, refused);
                }
                if (findGroupById(groupId) == null) {
                    throw notThere("group", groupId, refused);
                }
                throw refused;
            }
        }

        @Override
        public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
            try {
                return super.createTenantUserMembership(tenantId, userId);
            } catch (NullValueException refused) {
                if (findTenantById(tenantId) == null) {
                    throw notThere("tenant", tenantId, refused);
                }
                if (findUserById(userId) == null) {
                    throw notThere("user", userId, refused);
                }
                throw refused;
            }
        }

        @Override
        public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
            try {
                return super.createTenantGroupMembership(tenantId, groupId);
            } catch (NullValueException refused) {
                if (findTenantById(tenantId) == null) {
                    throw notThere("tenant", tenantId, refused);
                }
                if (findGroupById(groupId) == null) {
                    throw notThere("group", groupId, refused);
                }
                throw refused;
            }
        }

        /** In English; Camunda Admin in Chinese reads it in Chinese (operator-messages.zh.json). */
        private static NotFoundException notThere(String kind, String id, NullValueException refused) {
            return new NotFoundException("There is no " + kind + " " + id + ": create it first, then add the membership",
                    refused);
        }
    }
}

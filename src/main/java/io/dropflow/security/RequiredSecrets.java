package io.dropflow.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start without the secrets an operator must supply. Spring Boot binds an unresolved
 * {@code ${DROPFLOW_ADMIN_PASSWORD}} literally, so without this check a forgotten variable would
 * make that text the administrator's password. Runs before any bean is created, so before the
 * engine creates the administrator and before anything else trips over the missing value.
 */
@Component
class RequiredSecrets implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> missing = new ArrayList<>();
        if (isSet("camunda.bpm.admin-user.id") && !isSet("camunda.bpm.admin-user.password")) {
            missing.add("the administrator's password (DROPFLOW_ADMIN_PASSWORD or camunda.bpm.admin-user.password)");
        }
        if (!isSet("dropflow.webhooks.token")) {
            missing.add("the partners' webhook token (DROPFLOW_WEBHOOK_TOKEN or dropflow.webhooks.token)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Dropflow does not start without " + String.join(" and ", missing)
                    + "; there are no defaults outside the demo profile");
        }
    }

    private boolean isSet(String property) {
        String value;
        try {
            value = environment.getProperty(property);
        } catch (IllegalArgumentException unresolvedPlaceholder) {
            return false;
        }
        return value != null && !value.isBlank() && !value.contains("${");
    }
}

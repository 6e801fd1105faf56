package io.dropflow.partners;

import java.lang.reflect.Constructor;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Refuses to start, before any bean is created (so before any migration, the engine's tables and
 * model deployments), when a partner adapter that will run lacks a credential its settings alone
 * show: one message lists them all, as {@link PartnerBindingCheck} does. The adapters that will run
 * are the {@link PartnerBinding} beans registered (a storefront's only when it is the one chosen);
 * their {@link PartnerCredentials} settings are bound from the environment here, as Spring binds them
 * later. What needs the database (an active supplier of the catalog no adapter serves) is left to
 * {@link PartnerBindingCheck}, after start.
 */
@Component
class PartnerCredentialsCheck implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    /** After RequiredSecrets and NoSandboxInProduction: their settings are the ones to fix first. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Binder binder = Binder.get(environment);
        // No bean exists yet, the engine's clock neither: the system's time, which the engine's follows at start.
        Instant now = Instant.now();
        List<PartnerBinding.Unbound> unbound = credentialsOfAdapters(beanFactory).stream()
                .map(type -> (PartnerCredentials) binder.bindOrCreate(prefix(type), Bindable.of(type)))
                .flatMap(credentials -> credentials.unbound(now).stream()).toList();
        if (!unbound.isEmpty()) {
            throw new IllegalStateException(PartnerBindingCheck.refusal(unbound));
        }
    }

    /** The settings types the registered partner adapters take in their constructors. */
    private static Set<Class<?>> credentialsOfAdapters(ConfigurableListableBeanFactory beanFactory) {
        Set<Class<?>> types = new LinkedHashSet<>();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            String className = beanFactory.getBeanDefinition(name).getBeanClassName();
            if (className == null || !className.startsWith("io.dropflow.")) {
                continue;
            }
            Class<?> type = ClassUtils.resolveClassName(className, beanFactory.getBeanClassLoader());
            if (!PartnerBinding.class.isAssignableFrom(type)) {
                continue;
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                for (Class<?> parameter : constructor.getParameterTypes()) {
                    if (PartnerCredentials.class.isAssignableFrom(parameter)
                            && parameter.isAnnotationPresent(ConfigurationProperties.class)) {
                        types.add(parameter);
                    }
                }
            }
        }
        return types;
    }

    private static String prefix(Class<?> type) {
        ConfigurationProperties properties = type.getAnnotation(ConfigurationProperties.class);
        return properties.value().isEmpty() ? properties.prefix() : properties.value();
    }
}

package io.dropflow.translation;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the operator-language filter in front of the webapps' engine API (not the public REST API). */
@Configuration
class OperatorLanguageConfiguration {

    /**
     * Before the filters of Dropflow's own on the engine APIs (processengine's EngineRestAnswers, of the default order,
     * last), so that what those answer themselves passes through this one too: Camunda Admin's user, group or tenant id
     * and password refused (ResourceIdRefused, PasswordPolicyRefused) read in Chinese for a Chinese browser. Of the same
     * order as they, this filter ran after them (by the order the beans were found) and never saw their answers.
     */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

    @Bean
    FilterRegistrationBean<OperatorLanguageFilter> operatorLanguage() {
        FilterRegistrationBean<OperatorLanguageFilter> registration = new FilterRegistrationBean<>(new OperatorLanguageFilter());
        registration.addUrlPatterns("/camunda/api/engine/*");
        registration.setName("operatorLanguage");
        registration.setOrder(ORDER);
        return registration;
    }
}

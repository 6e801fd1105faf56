package io.dropflow.translation;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the operator-language filter in front of the webapps' engine API (not the public REST API). */
@Configuration
class OperatorLanguageConfiguration {

    @Bean
    FilterRegistrationBean<OperatorLanguageFilter> operatorLanguage() {
        FilterRegistrationBean<OperatorLanguageFilter> registration = new FilterRegistrationBean<>(new OperatorLanguageFilter());
        registration.addUrlPatterns("/camunda/api/engine/*");
        registration.setName("operatorLanguage");
        return registration;
    }
}

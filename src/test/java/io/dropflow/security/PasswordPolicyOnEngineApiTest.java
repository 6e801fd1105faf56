package io.dropflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dropflow.support.DropflowTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Exploratory s16 ops, 4, through the running application: with the password policy on (as the postgres profile has
 * it) a weak password on the engine REST API was a 500 "Password does not match policy" and an ENGINE-16004 ERROR.
 * It is a 400 naming the broken rules, nothing at ERROR, and the user is not made; a good password still makes one.
 */
@DropflowTest
class PasswordPolicyOnEngineApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private ProcessEngineConfigurationImpl configuration;
    private boolean policyWas;

    @BeforeEach
    void policyOn() {
        configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        policyWas = configuration.isEnablePasswordPolicy();
        configuration.setEnablePasswordPolicy(true);
        if (configuration.getPasswordPolicy() == null) {
            configuration.setPasswordPolicy(new DefaultPasswordPolicyImpl());
        }
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void policyAsItWas() {
        root.detachAppender(logged);
        configuration.setEnablePasswordPolicy(policyWas);
        engine.getIdentityService().deleteUser("weaks16");
        engine.getIdentityService().deleteUser("strongs16");
    }

    @Test
    void aWeakPasswordIsA400NamingTheRulesAndNoError() {
        ResponseEntity<String> answer = new ApiCallers(port).call(HttpMethod.POST, "/engine-rest/user/create",
                "{\"profile\":{\"id\":\"weaks16\",\"firstName\":\"Wanda\",\"lastName\":\"Kim\"},"
                        + "\"credentials\":{\"password\":\"alllowercase\"}}", ApiCallers.user("demo"));

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
        assertThat(answer.getBody()).contains("The password breaks the password policy: it lacks an upper-case letter");
        assertThat(engine.getIdentityService().createUserQuery().userId("weaks16").count()).isZero();
        assertThat(logged.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));

        ResponseEntity<String> strong = new ApiCallers(port).call(HttpMethod.POST, "/engine-rest/user/create",
                "{\"profile\":{\"id\":\"strongs16\",\"firstName\":\"Stella\",\"lastName\":\"Ong\"},"
                        + "\"credentials\":{\"password\":\"Correct-Horse-9\"}}", ApiCallers.user("demo"));
        assertThat(strong.getStatusCode().value()).as(strong.getBody()).isEqualTo(204);
    }
}

package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.DropflowTest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.spring.SpringTransactionInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** In Dropflow's engine the job's success is counted before Spring's transaction would open. */
@DropflowTest
class JobSuccessMetricInDropflowTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void theSuccessIsCountedBeforeTheTransactionInterceptor() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        List<CommandInterceptor> chain = configuration.getCommandInterceptorsTxRequired();
        int counted = chain.indexOf(chain.stream().filter(JobSuccessMetric.CountedWithoutTransaction.class::isInstance)
                .findFirst().orElseThrow());
        int transaction = chain.indexOf(chain.stream().filter(SpringTransactionInterceptor.class::isInstance)
                .findFirst().orElseThrow());
        assertThat(counted).isLessThan(transaction);
    }
}

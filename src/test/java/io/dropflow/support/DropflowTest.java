package io.dropflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole application on a real PostgreSQL, served on a random port, with the job executor off
 * so that tests execute jobs (and timers) themselves. All such tests share one Spring context, so
 * where test classes run side by side (failsafe's integration phase) they take turns on it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("application")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = {TestPostgres.class, TestSupplierApi.class})
@ResourceLock(DropflowTest.APPLICATION)
@TestExecutionListeners(listeners = {EngineStarts.Listener.class, FailedJobsChecked.class},
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface DropflowTest {

    /**
     * The shared application context (its database, sandbox partners and engine): one test class at a
     * time. Applications that test classes start themselves may run beside it; starting and stopping
     * engines goes one at a time ({@link EngineStarts}).
     */
    String APPLICATION = "dropflow-application";
}

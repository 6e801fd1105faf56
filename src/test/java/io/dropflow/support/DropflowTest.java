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
public @interface DropflowTest {

    /**
     * A Dropflow application in this JVM: one test class at a time. Besides the shared context's database
     * and sandbox partners, every application's process engine registers in Camunda's JVM-wide engine
     * registry (not safe for two starting at once) and reads Camunda's JVM-wide clock (ClockUtil), so a
     * test class that starts an application of its own (BrowserTasklistIT) takes this lock too.
     */
    String APPLICATION = "dropflow-application";
}

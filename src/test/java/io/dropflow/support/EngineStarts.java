package io.dropflow.support;

import java.util.function.Supplier;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Camunda registers every process engine in a JVM-wide plain map ({@code ProcessEngines}) when it
 * starts and takes it out when it stops; two engines doing so at the same moment can lose one. Where
 * test classes run side by side in one JVM (failsafe's integration phase), the applications they
 * start and stop do so one at a time, through here: {@code @DropflowTest}'s shared context by
 * {@link Listener}, an application a test starts itself (BrowserTasklistIT) by {@link #oneAtATime}.
 *
 * <p>Camunda's webapps keep their registrations in JVM-wide fields too, which an application's stop
 * clears for all: the shared context's are put back before its classes and tests ({@link WebappRegistrations}).
 * Camunda's clock ({@code ClockUtil}) is JVM-wide as well: a test class that moves it must not run
 * beside another application (docs/testing.md).
 */
public final class EngineStarts {

    private static final Object LOCK = new Object();

    private EngineStarts() {
    }

    /** Starts or stops an application while no other one in this JVM does. */
    public static <T> T oneAtATime(Supplier<T> step) {
        synchronized (LOCK) {
            return step.get();
        }
    }

    /**
     * Loads a test class's Spring context (or finds it in the cache) before anything else does, inside the
     * lock; and gives its webapps back the JVM-wide registrations that another application's stop cleared
     * ({@link WebappRegistrations}), before the class and before each of its tests.
     */
    public static final class Listener extends AbstractTestExecutionListener {

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void beforeTestClass(TestContext testContext) {
            oneAtATime(() -> {
                WebappRegistrations.keptFor(testContext.getApplicationContext());
                return null;
            });
        }

        /** Outside the lock: a test need not wait for another application's start beside it. */
        @Override
        public void beforeTestMethod(TestContext testContext) {
            WebappRegistrations.keptFor(testContext.getApplicationContext());
        }
    }
}

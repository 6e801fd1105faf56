package io.dropflow.support;

import java.util.Map;
import java.util.WeakHashMap;
import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.AdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.CockpitRuntimeDelegate;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.TasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.WelcomeRuntimeDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;

/**
 * Camunda's webapps (Cockpit, Admin, Tasklist and the welcome page) keep their runtime registrations in
 * JVM-wide static fields: every application's webapps set them when its web server starts, and set them
 * to {@code null} when it stops ({@code CockpitContainerBootstrap} and its three siblings, servlet context
 * listeners the webapp starter adds). In production there is one application per JVM. In a test JVM the
 * shared {@code @DropflowTest} application lives on while other applications start and stop beside it
 * (HappyPathThroughTheJobExecutorTest's own context, closed by {@code @DirtiesContext}; PostgresProfileTest;
 * BrowserTasklistIT): the first stop leaves the shared application's webapps without their registrations.
 * Its Tasklist page then fails ({@code ProcessEnginesFilter}) and the first request to its Admin API fails
 * to initialise that servlet: 500s, Spring Boot's error page, for every later webapp request in that JVM.
 *
 * <p>So the shared application keeps its own: the registrations it set when it started are remembered at
 * the first test that uses it, and put back before each test class and test of it wherever a stop
 * elsewhere cleared them. Registrations another live application set meanwhile are left alone: they find
 * engines by name in Camunda's JVM-wide registry, as ours do.
 */
final class WebappRegistrations {

    private static final Logger log = LoggerFactory.getLogger(WebappRegistrations.class);

    /** The registrations each application context set when it started, by context (weakly: a closed one goes). */
    private static final Map<ApplicationContext, Registrations> OWN = new WeakHashMap<>();

    private WebappRegistrations() {
    }

    /**
     * Remembers the registrations the application set, the first time it is seen (call it right after
     * the context was loaded, before another application can start); later, puts back each one a stop of
     * another application cleared.
     */
    static synchronized void keptFor(ApplicationContext application) {
        Registrations own = OWN.computeIfAbsent(application, context -> Registrations.current());
        own.putBackCleared();
    }

    /** The four registrations as they are now in this JVM. */
    record Registrations(CockpitRuntimeDelegate cockpit, AdminRuntimeDelegate admin, TasklistRuntimeDelegate tasklist,
            WelcomeRuntimeDelegate welcome) {

        static Registrations current() {
            return new Registrations(Cockpit.getRuntimeDelegate(), Admin.getRuntimeDelegate(),
                    Tasklist.getRuntimeDelegate(), Welcome.getRuntimeDelegate());
        }

        boolean complete() {
            return cockpit != null && admin != null && tasklist != null && welcome != null;
        }

        void putBackCleared() {
            Registrations now = current();
            if (now.complete() || !complete()) {
                return;
            }
            log.info("Camunda's webapp registrations were cleared by another application's stop in this JVM;"
                    + " putting back the shared test application's");
            if (now.cockpit == null) {
                Cockpit.setCockpitRuntimeDelegate(cockpit);
            }
            if (now.admin == null) {
                Admin.setAdminRuntimeDelegate(admin);
            }
            if (now.tasklist == null) {
                Tasklist.setTasklistRuntimeDelegate(tasklist);
            }
            if (now.welcome == null) {
                Welcome.setRuntimeDelegate(welcome);
            }
        }
    }
}

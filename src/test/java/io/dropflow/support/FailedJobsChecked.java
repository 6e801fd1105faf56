package io.dropflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * A test of the whole application fails when it leaves a job that failed (an exception on the job, retried later or
 * an incident), unless it says it means to ({@link Expected}). The drivers run jobs as the job executor does, a
 * failure recorded on the job and the test going on; a test that then checks only that something did not happen
 * ("no refund") would pass on a job that failed instead of deciding not to (audit s14, finding 7).
 */
public final class FailedJobsChecked extends AbstractTestExecutionListener {

    /** The test leaves a failed job on purpose: the failure is what it shows. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Expected {
        /** Why the job fails. */
        String value();
    }

    private Set<String> before = Set.of();

    @Override
    public void beforeTestMethod(TestContext testContext) {
        before = failedJobs(testContext);
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        if (testContext.getTestException() != null || testContext.getTestMethod().isAnnotationPresent(Expected.class)) {
            return;
        }
        Set<String> left = failedJobs(testContext);
        left.removeAll(before);
        if (!left.isEmpty()) {
            throw new AssertionError("the test left failed jobs (mark it @FailedJobsChecked.Expected if it means to): "
                    + String.join("; ", left));
        }
    }

    private static Set<String> failedJobs(TestContext testContext) {
        ProcessEngine engine = testContext.getApplicationContext().getBean(ProcessEngine.class);
        List<Job> failed = engine.getManagementService().createJobQuery().withException().list();
        Set<String> jobs = new HashSet<>();
        for (Job job : failed) {
            jobs.add(job.getProcessDefinitionKey() + " job " + job.getId() + " (" + job.getRetries() + " retries left): "
                    + job.getExceptionMessage());
        }
        return jobs;
    }
}

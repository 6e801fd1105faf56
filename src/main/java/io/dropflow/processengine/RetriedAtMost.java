package io.dropflow.processengine;

/**
 * On an exception a step fails with: the partner asks that the call be retried at most
 * {@link #retries()} times (CJ's "system busy", 1600000: "建议重试次数不超过3次", no more than three
 * retries, https://developers.cjdropshipping.cn/zh/api/api2/standard/ps-code.html). The step's retry
 * cycle (e.g. {@code R5/PT2M}) then ends early: when the step has failed {@code 1 + retries()} times
 * (whatever the earlier failures were), it has no retries left and its incident appears in Cockpit.
 * An operator's retry from Cockpit tries again. The cause chain is searched, so a delegate may wrap it.
 */
public interface RetriedAtMost {

    int retries();

    /** @return the fewest retries an exception in {@code failure}'s cause chain allows, or null for none */
    static Integer in(Throwable failure) {
        Integer most = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriedAtMost r) {
                most = most == null ? r.retries() : Math.min(most, r.retries());
            }
        }
        return most;
    }
}

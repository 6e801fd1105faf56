package io.dropflow.onboarding.process;

import io.dropflow.processengine.ModelElement;
import io.dropflow.processengine.ModelMessage;
import io.dropflow.processengine.ProcessVariable;

/**
 * Everything bpmn/supplier-onboarding-papers.bpmn and the Java code share: an application's documents arrived
 * (sent during the onboarding, or renewed), and the open tasks of its onboarding are to show its papers. Its own
 * process, started by a job the upload's transaction writes ({@link io.dropflow.processengine.MessageStartsLater}),
 * so that a refresh that fails is retried and then an incident in Cockpit, never lost.
 */
public final class OnboardingPapersProcess {

    public static final String PROCESS_KEY = "supplier_onboarding_papers";
    public static final String MODEL = "supplier-onboarding-papers.bpmn";

    /** Business keys: the onboarding's ("onboarding-7") followed by "-papers"; one instance per upload. */
    public static String businessKey(Long applicationId) {
        return SupplierOnboardingProcess.businessKey(applicationId) + "-papers";
    }

    /** The application whose papers arrived (the same variable as in the onboarding's process). */
    public static final ProcessVariable<Long> APPLICATION_ID = SupplierOnboardingProcess.APPLICATION_ID;

    /** Element ids that Java, tests and operators' tools refer to. */
    public enum Element implements ModelElement {
        PAPERS_ARRIVED("start_onboarding_papers_arrived"),
        SHOW_PAPERS("service_show_papers_on_open_tasks"),
        END_SHOWN("end_onboarding_papers_shown");

        private final String id;

        Element(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    /** The message that starts it: documents of the application arrived. */
    public enum Message implements ModelMessage {
        PAPERS_ARRIVED("OnboardingPapersArrived");

        private final String messageName;

        Message(String messageName) {
            this.messageName = messageName;
        }

        @Override
        public String messageName() {
            return messageName;
        }
    }

    private OnboardingPapersProcess() {
    }
}

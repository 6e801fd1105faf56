package io.dropflow.processengine;

/**
 * Marks an exception that refuses what a person sent to complete a task (a decision a form cannot
 * send, a missing reason), so that the engine REST API answers it as the caller's error, a 400, and
 * not as ours ({@link EngineRestAnswers}).
 */
public interface OperatorInputRefused {

    /** A refusal of a person's input where no feature has its own exception for it. */
    final class Refusal extends RuntimeException implements OperatorInputRefused {

        public Refusal(String message) {
            super(message);
        }
    }
}

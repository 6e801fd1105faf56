/**
 * The supplier-onboarding process (bpmn/supplier-onboarding.bpmn): its names, how it is started
 * and hears from applicants, its decision tables, and its thin delegates, each calling one use case
 * of {@code onboarding.internal}.
 */
package io.dropflow.onboarding.process;

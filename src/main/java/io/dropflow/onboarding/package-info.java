/**
 * Supplier onboarding: a supplier applies with its papers and the agreement it proposes; the
 * seller audits the documents, orders and checks a sample, reviews the agreement and activates it
 * in the catalog; afterwards its papers' expiry and its scorecard keep it in good standing. This
 * package is the onboarding's API: the document types bpmn/onboarding-requirements.dmn asks for;
 * {@code onboarding.internal} holds the application, its documents and use cases, what the HTTP
 * API reads and shows and its problems, {@code onboarding.process} the Camunda glue of
 * bpmn/supplier-onboarding.bpmn.
 */
package io.dropflow.onboarding;

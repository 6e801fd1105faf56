/**
 * Dropflow, a dropship fulfillment orchestrator: the application's entry point. Each sub-package is a feature
 * module (order, supplier, carrier, claim, returns, settlement...) with its API on top and its insides in
 * {@code internal} and {@code process}, plus {@code processengine} for the Camunda wiring every process shares.
 */
package io.dropflow;

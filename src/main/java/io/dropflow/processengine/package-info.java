/**
 * Camunda wiring shared by every process: model deployment, the partner-event inbox, Tasklist
 * filters and identities. Engine API calls of features go through their own process classes.
 */
package io.dropflow.processengine;

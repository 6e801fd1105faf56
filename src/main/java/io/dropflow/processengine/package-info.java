/**
 * Camunda wiring shared by every process: model deployment, the job executor and history, the
 * partner-event inbox, Tasklist filters, task forms' facts and answers, and the checks of what
 * people ask the engine. The one package built on the engine's internal classes
 * (docs/engine-internals.md). Engine API calls of features go through their own process classes;
 * people's and partners' identities and logins are in {@code security}.
 */
package io.dropflow.processengine;

/**
 * The analysts' check before a decision table goes live: a changed DMN table replayed on the
 * inputs the engine recorded for real decisions, reporting which decisions would change. An edited
 * table is live at once for every running process's next evaluation, so the check comes first.
 * {@code models.internal} holds the use case and its API, {@code models.process} the engine's
 * decision history and the replay.
 */
package io.dropflow.models;

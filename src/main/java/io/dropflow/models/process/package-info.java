/**
 * The engine's side of the what-if check: the decisions the engine recorded (its decision history) and their replay
 * on a table that is not deployed, with the engine's own DMN and FEEL.
 */
package io.dropflow.models.process;

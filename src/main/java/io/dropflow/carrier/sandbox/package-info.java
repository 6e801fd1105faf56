/**
 * The sandbox carrier: follows every carrier no tracking service is configured for, and books
 * return labels. Exists in the demo, test and bench (benchmark) profiles only.
 */
package io.dropflow.carrier.sandbox;

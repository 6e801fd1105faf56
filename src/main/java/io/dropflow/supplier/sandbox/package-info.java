/**
 * The sandbox supplier, which serves every supplier no real adapter serves and answers like a
 * remote one. Exists in the demo, test and bench (benchmark) profiles only.
 */
package io.dropflow.supplier.sandbox;

/**
 * The sandbox supplier, which serves every supplier no real adapter serves and answers like a
 * remote one, and the demo catalog. Exist in the demo and test profiles only.
 */
package io.dropflow.supplier.sandbox;

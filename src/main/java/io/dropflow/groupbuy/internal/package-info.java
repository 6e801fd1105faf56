/**
 * Group buying inside: leaders, pickup points and group-buy offers (the catalog API), batches with
 * their orders, lines and purchases, and the use cases the batch's processes call.
 */
package io.dropflow.groupbuy.internal;

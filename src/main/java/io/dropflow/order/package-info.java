/** Consumer orders: intake from the storefront, their state, and the fulfillment process that drives them. */
package io.dropflow.order;

/** Orders from a Shopify shop: its orders/create webhook, verified and mapped to our order intake. */
package io.dropflow.order.shopify;

/** Orders from a Shopify shop: its order webhooks (paid, cancelled, edited, refunded), verified, recorded and taken in. */
package io.dropflow.order.shopify;

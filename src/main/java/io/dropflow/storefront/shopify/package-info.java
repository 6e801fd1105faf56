/** Shopify as the storefront: tracking back as fulfillments, refunds, notes to the consumer, webhook signatures. */
package io.dropflow.storefront.shopify;

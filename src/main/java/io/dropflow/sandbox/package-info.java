/**
 * What sandbox partners share: calling our webhooks over HTTP, later and in order per
 * conversation, as a remote partner would. The sandbox supplier, carrier and storefront live beside
 * the ports they fake.
 */
package io.dropflow.sandbox;

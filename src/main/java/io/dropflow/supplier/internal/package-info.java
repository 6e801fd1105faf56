/**
 * Suppliers, offers and purchase orders as stored; the services behind the supplier feature's API
 * (purchasing, scorecards, the catalog and its maintenance, imports); the router that picks a
 * supplier adapter; the supplier webhooks and the catalog API.
 */
package io.dropflow.supplier.internal;

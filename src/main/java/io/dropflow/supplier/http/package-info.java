/**
 * Dropflow's own supplier API (docs/partners/supplier-api.md): the HTTP adapter that speaks it to suppliers
 * configured under {@code dropflow.suppliers.http}, and the settings their webhooks are verified with.
 */
package io.dropflow.supplier.http;

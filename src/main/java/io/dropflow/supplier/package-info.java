/** Suppliers, their offers, and the purchase orders Dropflow forwards to them. */
package io.dropflow.supplier;

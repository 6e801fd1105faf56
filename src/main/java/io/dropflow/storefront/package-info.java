/** The seller's storefront: where orders come from, and where tracking and refunds go back. */
package io.dropflow.storefront;

/** A storefront that records what Dropflow sends it, for the embedded demo and for tests. */
package io.dropflow.storefront.sandbox;

/** How partner calls are limited and measured, tokens stored and renewed, and webhook deliveries recorded and retried. */
package io.dropflow.partners.internal;

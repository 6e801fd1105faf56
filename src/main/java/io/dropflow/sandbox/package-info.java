/**
 * Sandbox partners for the embedded default: a supplier and a carrier that answer like remote
 * systems, asynchronously and over HTTP to our own webhooks.
 */
package io.dropflow.sandbox;

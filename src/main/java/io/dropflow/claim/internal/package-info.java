/**
 * Claims inside: the claim and its evidence, intake, supplier and platform answers, views, settings, the
 * problems the HTTP API answers with, and the use cases the process calls.
 */
package io.dropflow.claim.internal;

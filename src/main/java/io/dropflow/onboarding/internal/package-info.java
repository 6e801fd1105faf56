/**
 * Onboarding inside: the application with its proposed agreement, the documents and their
 * expiry, the history, the use cases the process calls (requirements, audit, sample, agreement,
 * standing), the ports to the process and its decision table, and the API's controllers, form,
 * views and problems.
 */
package io.dropflow.onboarding.internal;

/** Claims inside: the claim and its evidence, intake, supplier answers, views and the use cases the process calls. */
package io.dropflow.claim.internal;

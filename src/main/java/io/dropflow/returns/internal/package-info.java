/** Returns inside: the return request, intake, supplier answers, views, settings, the problems the HTTP API answers with, and the use cases the process calls. */
package io.dropflow.returns.internal;

/** Returns inside: the return request, intake, supplier answers, views and the use cases the process calls. */
package io.dropflow.returns.internal;

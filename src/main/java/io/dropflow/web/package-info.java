/** How our HTTP API reports errors (RFC 7807 problem details) and documents itself (OpenAPI). */
package io.dropflow.web;

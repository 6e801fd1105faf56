/**
 * The what-if check of a changed decision table as a use case: the HTTP API analysts call ({@code WhatIfController}),
 * the request's limits and the report of which recorded decisions the changed table would decide otherwise.
 */
package io.dropflow.models.internal;

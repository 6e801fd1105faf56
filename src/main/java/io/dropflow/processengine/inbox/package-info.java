/**
 * Durable inbox for partner events. Camunda 7 does not buffer messages: an event that arrives
 * before its process waits for it would fail or be lost. Every event is stored first and handed
 * to the engine once a matching wait exists.
 */
package io.dropflow.processengine.inbox;

/**
 * What every partner adapter answers at start-up: which partners it must serve and cannot, for
 * lack of a setting. Outside the demo and test profiles nothing fakes a partner, so Dropflow
 * refuses to start with one message that lists every unbound supplier, carrier service and
 * storefront, and the setting that binds each.
 */
package io.dropflow.partners;

/** 17TRACK, the cross-border tracking service: registration in batches, track info, signed pushes, its statuses mapped to ours. */
package io.dropflow.carrier.track17;

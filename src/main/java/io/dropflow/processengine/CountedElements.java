package io.dropflow.processengine;

import io.micrometer.core.instrument.Counter;
import java.util.Map;

/**
 * Some elements of a feature's model, each counted when an instance reaches it (the start of its activity
 * instance), once that step committed. A feature declares its counters as a bean; the engine's history events
 * that count them stay in processengine ({@link ElementStartMeters}).
 */
public interface CountedElements {

    /** The process whose elements are counted. */
    String processKey();

    /** The counter of each counted element. */
    Map<? extends ModelElement, Counter> counters();
}

package io.dropflow.processengine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a method: it calls a partner's system (supplier, carrier, storefront). On a delegate: it calls
 * such a method, so every BPMN task using it must be asynchronous with a failed-job retry cycle,
 * and the call must carry an idempotency key. FeatureBoundariesTest finds delegates that call
 * partners without saying so; ModelQualityTest checks their tasks.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CallsPartner {
}

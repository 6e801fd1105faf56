package io.dropflow.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The most rows a page of a list has: on a list's {@code Pageable}, a {@code size} above it is a 400 naming
 * {@code size} (read by {@link ReadablePages}, before Spring Data would cap it silently).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface MostRows {

    int value();
}

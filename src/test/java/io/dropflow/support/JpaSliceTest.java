package io.dropflow.support;

import io.dropflow.processengine.EngineClock;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A slice: repositories and entities on the real (embedded) PostgreSQL with our Flyway migrations,
 * plus the one Clock; no process engine, no web layer. Tests add the services under test with
 * {@code @Import}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = TestPostgres.class)
@ActiveProfiles("test")
@Import(EngineClock.class)
public @interface JpaSliceTest {
}

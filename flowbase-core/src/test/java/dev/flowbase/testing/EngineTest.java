package dev.flowbase.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A contract test: runs once per selected engine, each time in a database of its own. The test
 * method may take an {@link dev.flowbase.engine.Engine}, a {@link TestDatabase} or an open
 * {@link dev.flowbase.db.Database}; a test that leaves a connection checked out fails.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(EngineInvocations.class)
public @interface EngineTest {}

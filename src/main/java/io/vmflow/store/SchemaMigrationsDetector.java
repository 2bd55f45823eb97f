package io.vmflow.store;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link SchemaMigrations} initialises the database, so the beans that use
 * it (the job repository, the stores' templates) are created after it (registered in {@code
 * META-INF/spring.factories}).
 */
public class SchemaMigrationsDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(SchemaMigrations.class);
  }
}

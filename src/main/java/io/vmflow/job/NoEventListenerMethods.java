package io.vmflow.job;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.AnnotationConfigUtils;

/**
 * Takes Spring's {@code @EventListener} method processor out of the job's context. After the
 * context's singletons exist it looks for {@code @EventListener} methods in the class of every bean
 * definition, lazy ones included (reflection over every method of about 150 classes: 56 ms of a
 * quiet start-up, the largest step of the refresh), and neither vmflow nor any library on its class
 * path declares one ({@code ApplicationListener} beans are unaffected: the context registers those
 * itself). ArchitectureTest keeps {@code @EventListener} out of vmflow's code, where it would now
 * be silently ignored. Runs at build time too, so Spring AOT's bean definitions lack the processor.
 */
final class NoEventListenerMethods implements BeanDefinitionRegistryPostProcessor {

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
    for (String name :
        new String[] {
          AnnotationConfigUtils.EVENT_LISTENER_PROCESSOR_BEAN_NAME,
          AnnotationConfigUtils.EVENT_LISTENER_FACTORY_BEAN_NAME
        }) {
      if (registry.containsBeanDefinition(name)) {
        registry.removeBeanDefinition(name);
      }
    }
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    // nothing: the definitions are gone before any bean factory post-processor runs
  }
}

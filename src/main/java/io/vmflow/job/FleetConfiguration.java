package io.vmflow.job;

import io.vmflow.store.BundleRetries;
import io.vmflow.store.CollectionClaims;
import io.vmflow.store.HistoryStore;
import io.vmflow.store.InterruptedRuns;
import io.vmflow.store.ObservationStore;
import io.vmflow.store.PartitionClaims;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilderFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.MessageChannels;
import org.springframework.integration.dsl.Pollers;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.scheduling.PollerMetadata;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Nightly across a fleet: Spring Batch remote partitioning over Spring Integration. The manager's
 * {@code collectionsStep} splits a run into one partition per collection and queues a request per
 * partition in the shared PostgreSQL (Spring Integration's JDBC channel message store, table {@code
 * INT_CHANNEL_MESSAGE}); each worker polls that queue and runs the {@code collectionStep} of the
 * request against the shared job repository. Present only when {@code vmflow.fleet.role} is {@code
 * manager} or {@code worker} ({@code vmflow nightly --workers remote}, {@code vmflow worker}); the
 * local nightly run and {@code analyze} never load it.
 */
@Configuration
@ConditionalOnProperty(name = "vmflow.fleet.role")
@EnableIntegration
class FleetConfiguration {

  static final String WORKER_STEP = "collectionStep";
  static final String QUEUE = "vmflow.nightly.partitions";

  @Bean
  JdbcChannelMessageStore partitionRequestStore(DataSource dataSource) {
    JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
    store.setChannelMessageStoreQueryProvider(new PostgresChannelMessageStoreQueryProvider());
    store.setRegion("vmflow");
    // the message (headers, payload) is Java-serialized: only these classes are read back
    store.addAllowedPatterns(
        "java.util.*",
        "java.lang.*",
        "org.springframework.messaging.*",
        "org.springframework.messaging.support.*",
        "org.springframework.integration.support.*",
        "org.springframework.integration.message.*",
        "org.springframework.batch.integration.partition.StepExecutionRequest");
    return store;
  }

  @Bean
  QueueChannel partitionRequests(JdbcChannelMessageStore partitionRequestStore) {
    return MessageChannels.queue(partitionRequestStore, QUEUE).getObject();
  }

  @Bean
  Duration fleetStaleTime(@Value("${vmflow.fleet.stale-seconds:120}") long seconds) {
    return Duration.ofSeconds(seconds);
  }

  /** The manager: the run's partitions sent to the workers, and the run around them. */
  @Configuration
  @ConditionalOnProperty(name = "vmflow.fleet.role", havingValue = "manager")
  static class Manager {

    @Bean
    CollectionPartitioner collectionPartitioner() {
      return new CollectionPartitioner();
    }

    @Bean
    CollectionPartitionHandler collectionPartitionHandler(
        QueueChannel partitionRequests,
        JdbcChannelMessageStore partitionRequestStore,
        JobRepository jobRepository,
        PartitionClaims claims,
        Duration fleetStaleTime,
        @Value("${vmflow.fleet.poll-millis:1000}") long pollMillis,
        @Value("${vmflow.fleet.timeout-minutes:720}") long timeoutMinutes) {
      MessagingTemplate template = new MessagingTemplate(partitionRequests);
      return new CollectionPartitionHandler(
          template,
          partitionRequestStore,
          QUEUE,
          jobRepository,
          claims,
          WORKER_STEP,
          fleetStaleTime,
          Duration.ofMillis(pollMillis),
          Duration.ofMinutes(timeoutMinutes));
    }

    @Bean
    Step collectionsStep(
        JobRepository jobRepository,
        CollectionPartitioner collectionPartitioner,
        CollectionPartitionHandler collectionPartitionHandler) {
      return new StepBuilder("collectionsStep", jobRepository)
          .partitioner(WORKER_STEP, collectionPartitioner)
          .partitionHandler(collectionPartitionHandler)
          .build();
    }

    @Bean
    Job nightlyFleetJob(JobRepository jobRepository, Step collectionsStep) {
      return new JobBuilder("nightlyFleetJob", jobRepository).start(collectionsStep).build();
    }

    @Bean
    FleetNightlyRunner fleetNightlyRunner(
        JobOperator jobOperator,
        JobRepository jobRepository,
        Job nightlyFleetJob,
        CollectionPartitioner collectionPartitioner,
        HistoryStore history,
        ObservationStore observations,
        InterruptedRuns interrupted,
        @Value("${vmflow.nightly.settle-seconds:60}") long settleSeconds) {
      return new FleetNightlyRunner(
          jobOperator,
          jobRepository,
          nightlyFleetJob,
          collectionPartitioner,
          history,
          observations,
          interrupted,
          Duration.ofSeconds(settleSeconds));
    }
  }

  /** A worker: polls the queue, one request at a time, and runs the collection's step. */
  @Configuration
  @ConditionalOnProperty(name = "vmflow.fleet.role", havingValue = "worker")
  static class Worker {

    // each poll takes requests one after the other until the queue is empty, and only then waits:
    // with one request per poll, a worker sat idle for the poll delay after every collection (1 s
    // against about 1.5 s of work per lab-sized collection)
    @Bean(name = PollerMetadata.DEFAULT_POLLER)
    PollerMetadata partitionPoller(@Value("${vmflow.fleet.poll-millis:1000}") long pollMillis) {
      return Pollers.fixedDelay(Duration.ofMillis(pollMillis)).maxMessagesPerPoll(-1).getObject();
    }

    @Bean
    Step collectionStep(
        JobRepository jobRepository,
        PlatformTransactionManager tx,
        QueueChannel partitionRequests,
        AnalyzeLauncher launcher,
        HistoryStore history,
        PartitionClaims claims,
        CollectionClaims localClaims,
        CollectionRecorder recorder,
        BundleRetries retries,
        Duration fleetStaleTime,
        org.springframework.beans.factory.BeanFactory beanFactory) {
      RemotePartitioningWorkerStepBuilderFactory steps =
          new RemotePartitioningWorkerStepBuilderFactory(jobRepository);
      steps.setBeanFactory(beanFactory);
      return steps
          .get(WORKER_STEP)
          .inputChannel(partitionRequests)
          .tasklet(
              new CollectionPartitionTasklet(
                  launcher,
                  history,
                  claims,
                  localClaims,
                  recorder,
                  retries,
                  jobRepository,
                  fleetStaleTime),
              tx)
          .build();
    }
  }
}

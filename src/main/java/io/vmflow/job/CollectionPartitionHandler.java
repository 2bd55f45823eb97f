package io.vmflow.job;

import io.vmflow.store.PartitionClaims;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.store.BasicMessageGroupStore;
import org.springframework.integration.support.MessageBuilder;

/**
 * The manager's side of remote partitioning: sends one {@link StepExecutionRequest} per partition
 * to the workers' request channel (a queue in the shared database) and polls the job repository
 * until every partition has finished, as Spring Batch's {@code MessageChannelPartitionHandler} does
 * when it polls the repository. One thing more: a partition whose worker died ({@code kill -9}, a
 * host lost) stays STARTED forever, so a partition whose claim heartbeat is older than the stale
 * time (or that a worker took but never claimed within it) is sent again, once no request waits in
 * the queue (a request waiting for a busy worker is not sent twice); the next worker takes the
 * claim over and the history is still written once.
 */
final class CollectionPartitionHandler extends AbstractPartitionHandler {

  private static final Logger log = LoggerFactory.getLogger(CollectionPartitionHandler.class);

  private final MessagingTemplate requests;
  private final BasicMessageGroupStore queue;
  private final Object queueGroup;
  private final JobRepository repository;
  private final PartitionClaims claims;
  private final String workerStep;
  private final Duration stale;
  private final Duration poll;
  private final Duration timeout;

  CollectionPartitionHandler(
      MessagingTemplate requests,
      BasicMessageGroupStore queue,
      Object queueGroup,
      JobRepository repository,
      PartitionClaims claims,
      String workerStep,
      Duration stale,
      Duration poll,
      Duration timeout) {
    this.requests = requests;
    this.queue = queue;
    this.queueGroup = queueGroup;
    this.repository = repository;
    this.claims = claims;
    this.workerStep = workerStep;
    this.stale = stale;
    this.poll = poll;
    this.timeout = timeout;
  }

  @Override
  protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions)
      throws Exception {
    long t0 = System.nanoTime();
    Map<Long, Instant> sent = new HashMap<>();
    for (StepExecution p : partitions) {
      send(p.getId(), sent);
    }
    log.info(
        "{} partitions sent to the workers in {} ms",
        partitions.size(),
        (System.nanoTime() - t0) / 1_000_000);
    Instant giveUp = Instant.now().plus(timeout);
    Instant nextNote = Instant.now().plus(Duration.ofMinutes(1));
    while (true) {
      Thread.sleep(poll.toMillis());
      Set<StepExecution> current = new LinkedHashSet<>();
      int running = 0;
      Boolean drained = null; // read only when a partition looks orphaned
      for (StepExecution p : partitions) {
        StepExecution now = repository.getStepExecution(p.getId());
        current.add(now);
        if (now.getStatus().isRunning()) {
          running++;
          if (isOrphaned(now, sent.get(p.getId()))
              && (drained = drained != null ? drained : queue.messageGroupSize(queueGroup) == 0)) {
            log.warn(
                "partition {}: {} for {} s: sent again, to another worker",
                now.getStepName(),
                now.getStatus() == BatchStatus.STARTING
                    ? "taken from the queue but not started"
                    : "its worker "
                        + now.getExecutionContext()
                            .getString(CollectionPartitioner.WORKER, "(not yet known)")
                        + " stopped beating",
                stale.toSeconds());
            send(p.getId(), sent);
          }
        }
      }
      if (running == 0) {
        return current;
      }
      if (Instant.now().isAfter(giveUp)) {
        throw new IllegalStateException(
            running
                + " partitions not finished by any worker within "
                + timeout.toMinutes()
                + " min");
      }
      if (Instant.now().isAfter(nextNote)) {
        log.info("waiting for {} of {} partitions", running, partitions.size());
        nextNote = Instant.now().plus(Duration.ofMinutes(1));
      }
    }
  }

  private void send(long stepExecutionId, Map<Long, Instant> sent) {
    requests.send(
        MessageBuilder.withPayload(new StepExecutionRequest(workerStep, stepExecutionId)).build());
    sent.put(stepExecutionId, Instant.now());
  }

  // STARTED: a worker took it; its claim's heartbeat says whether it still works on it (before it
  // claimed, the step's own last update does). STARTING: still queued, unless the queue is empty,
  // then a worker took the request and died before starting it.
  private boolean isOrphaned(StepExecution p, Instant sentAt) {
    Instant now = Instant.now();
    if (sentAt != null && sentAt.isAfter(now.minus(stale))) {
      return false;
    }
    if (p.getStatus() == BatchStatus.STARTING) {
      return queue.messageGroupSize(queueGroup) == 0;
    }
    String sha = p.getExecutionContext().getString(CollectionPartitioner.SHA, "");
    if (sha.isEmpty()) {
      LocalDateTime last = p.getLastUpdated();
      return last == null
          || last.atZone(ZoneId.systemDefault()).toInstant().isBefore(now.minus(stale));
    }
    return claims
        .holder(sha)
        .map(h -> h.status().equals("STARTED") && h.isStale(now, stale))
        .orElse(false);
  }
}

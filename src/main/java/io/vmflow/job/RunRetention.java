package io.vmflow.job;

import io.vmflow.store.InstanceRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * After a completed {@code analyze}, the output folder's database keeps what the current report and
 * a later resume need and nothing of superseded runs: their job instances, executions and facts are
 * deleted, so its size after ten reruns is its size after one. Not used by {@code nightly}, whose
 * history spans bundles.
 */
@Component
public class RunRetention {

  private static final Logger log = LoggerFactory.getLogger(RunRetention.class);

  private final JobRepository repository;
  private final InstanceRetention facts;
  private final Job job;

  public RunRetention(JobRepository repository, InstanceRetention facts, Job analyzeBundleJob) {
    this.repository = repository;
    this.facts = facts;
    this.job = analyzeBundleJob;
  }

  public void keepOnly(long instanceId) {
    int instances = 0;
    for (JobInstance i : repository.findJobInstances(job.getName())) {
      if (i.getInstanceId() != instanceId) {
        repository.deleteJobInstance(i);
        instances++;
      }
    }
    int rows = facts.keepOnly(instanceId);
    log.info("dropped {} superseded runs ({} fact rows)", instances, rows);
  }
}

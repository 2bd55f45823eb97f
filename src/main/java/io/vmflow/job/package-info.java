/**
 * Spring Batch wiring only: the analysis job, one step per stage, and thin adapters that call each
 * stage's plain-Java entry point and store its output. The one broad catch per artifact lives here.
 */
package io.vmflow.job;

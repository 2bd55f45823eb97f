package io.vmflow.trace;

/** A replica command that failed or ran over its time limit; the message quotes what it said. */
final class ReplicaFailure extends Exception {
  ReplicaFailure(String message) {
    super(message);
  }
}

/**
 * Offline OpenFlow trace: each host of a loss gets a private replica of its switches (fresh OVSDB,
 * {@code ovs-vswitchd --enable-dummy=override}, the dumped bridges, ports, flows and FDB) under the
 * run's {@code .vmflow/replica/}, and the lost packet is run through {@code ofproto/trace}. Entry
 * point: {@link io.vmflow.trace.Tracer#trace}. Processes are started from argument lists, owned by
 * pid, time-limited and stopped on success, failure and JVM exit; a pid file lets the next run
 * clean up after a {@code kill -9}.
 */
package io.vmflow.trace;

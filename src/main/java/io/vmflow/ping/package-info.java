/**
 * Pairs ICMP echo requests and replies per capture point and flow ({@link
 * io.vmflow.ping.PingPairer}) and localises loss along a VM's path ({@link
 * io.vmflow.ping.LossLocaliser}). Plain Java, bounded memory per flow.
 */
package io.vmflow.ping;

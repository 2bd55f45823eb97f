/**
 * Why the packets die: for every localised loss ({@link io.vmflow.ping.LossCase}, from the ping
 * stage), the flows, firewall rules and MTUs of the devices on its segment that explain it, as
 * findings linked to the loss ({@link io.vmflow.cause.LossCause}); static checks (a flow output to
 * a port that does not exist, MTU differences along a path) run with or without a loss. Entry
 * point: {@link io.vmflow.cause.Causes#explain}. Plain Java over parsed facts and the topology.
 */
package io.vmflow.cause;

/**
 * Leaf package: value types for network atoms ({@link io.vmflow.model.MacAddress}, {@link
 * io.vmflow.model.PortNo}) and OpenStack ids ({@link io.vmflow.model.OpenstackId}), the device
 * naming rule and records shared by several stages ({@link io.vmflow.model.IcmpEcho}). No I/O, no
 * Spring.
 */
package io.vmflow.model;

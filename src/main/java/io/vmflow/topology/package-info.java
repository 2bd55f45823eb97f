/**
 * Correlates parsed facts into hosts, VMs and each VM port's path hop by hop (tap, qbr, qvb/qvo or
 * qvm/ply/pvi/pvo, br-int, onward). Every hop keeps its evidence; missing data is a coverage
 * finding, never a guess.
 */
package io.vmflow.topology;

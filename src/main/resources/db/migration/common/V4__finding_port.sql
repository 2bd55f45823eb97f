-- A finding may concern one port of a VM (a loss on the second NIC's path): its port id, '' for none;
-- and, for a flow between two VMs, the other VM (shown as affected, not as a second victim).
ALTER TABLE finding ADD COLUMN port_id VARCHAR(200) DEFAULT '' NOT NULL;
ALTER TABLE finding ADD COLUMN peer_vm_id VARCHAR(255) DEFAULT '' NOT NULL;

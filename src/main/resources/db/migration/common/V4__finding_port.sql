-- A finding may concern one port of a VM (a loss on the second NIC's path): its port id, '' for none.
ALTER TABLE finding ADD COLUMN port_id VARCHAR(200) DEFAULT '' NOT NULL;

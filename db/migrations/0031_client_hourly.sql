CREATE TABLE `client_hourly` (
	`hour` text NOT NULL,
	`client_id` integer NOT NULL,
	`hashrate_ghs` integer,
	`power_w` integer,
	`energy_wh` integer NOT NULL,
	`miners` integer NOT NULL,
	`miners_answering` integer NOT NULL,
	PRIMARY KEY(`hour`, `client_id`)
);
--> statement-breakpoint
CREATE INDEX `client_hourly_client_idx` ON `client_hourly` (`client_id`,`hour`);--> statement-breakpoint
-- The hours already rolled up, summed per client as telemetry.rollups.ts refreshFleetHours does from now on (miners of no client under 0).
INSERT INTO `client_hourly` (`hour`, `client_id`, `hashrate_ghs`, `power_w`, `energy_wh`, `miners`, `miners_answering`)
  SELECT h.`hour`, COALESCE(m.`client_id`, 0), SUM(h.`hashrate_ghs`), SUM(h.`power_w`), SUM(h.`energy_wh`), COUNT(*), SUM(h.`online_s` > 0)
  FROM `miner_hourly` h JOIN `miners` m ON m.`id` = h.`miner_id` GROUP BY h.`hour`, COALESCE(m.`client_id`, 0);

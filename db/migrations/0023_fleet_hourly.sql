CREATE TABLE `fleet_hourly` (
	`hour` text NOT NULL,
	`site_id` integer NOT NULL,
	`hashrate_ghs` integer,
	`power_w` integer,
	`energy_wh` integer NOT NULL,
	`miners` integer NOT NULL,
	`miners_answering` integer NOT NULL,
	PRIMARY KEY(`hour`, `site_id`)
);
--> statement-breakpoint
-- The hours already rolled up, summed per site as telemetry.rollups.ts refreshFleetHours does from now on (miners at no site under 0).
INSERT INTO `fleet_hourly` (`hour`, `site_id`, `hashrate_ghs`, `power_w`, `energy_wh`, `miners`, `miners_answering`)
  SELECT h.`hour`, COALESCE(m.`site_id`, 0), SUM(h.`hashrate_ghs`), SUM(h.`power_w`), SUM(h.`energy_wh`), COUNT(*), SUM(h.`online_s` > 0)
  FROM `miner_hourly` h JOIN `miners` m ON m.`id` = h.`miner_id` GROUP BY h.`hour`, COALESCE(m.`site_id`, 0);

CREATE TABLE `discovery_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scan_id` integer NOT NULL,
	`ip` text NOT NULL,
	`open_ports_json` text NOT NULL,
	`state` text NOT NULL,
	`family` text,
	`make` text,
	`model` text,
	`firmware` text,
	`serial` text,
	`mac` text,
	`hostname` text,
	`hashrate_ghs` integer,
	`message` text,
	`miner_id` integer,
	`found_at` text NOT NULL,
	FOREIGN KEY (`scan_id`) REFERENCES `discovery_scans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`miner_id`) REFERENCES `miners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `discovery_results_scan_idx` ON `discovery_results` (`scan_id`,`id`);--> statement-breakpoint
CREATE TABLE `discovery_scans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer,
	`ranges_json` text NOT NULL,
	`ports_json` text NOT NULL,
	`status` text NOT NULL,
	`total_hosts` integer NOT NULL,
	`probed_hosts` integer DEFAULT 0 NOT NULL,
	`open_hosts` integer DEFAULT 0 NOT NULL,
	`identified_hosts` integer DEFAULT 0 NOT NULL,
	`message` text,
	`actor` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`committed_at` text,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `sites` ADD `scan_ranges_json` text DEFAULT '[]' NOT NULL;
CREATE TABLE `miner_daily` (
	`miner_id` integer NOT NULL,
	`day` text NOT NULL,
	`hashrate_ghs` integer,
	`power_w` integer,
	`temp_max_c` integer,
	`online_s` integer NOT NULL,
	`energy_wh` integer NOT NULL,
	PRIMARY KEY(`miner_id`, `day`),
	FOREIGN KEY (`miner_id`) REFERENCES `miners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `miner_daily_day_idx` ON `miner_daily` (`day`);--> statement-breakpoint
CREATE TABLE `miner_hourly` (
	`miner_id` integer NOT NULL,
	`hour` text NOT NULL,
	`hashrate_ghs` integer,
	`power_w` integer,
	`temp_max_c` integer,
	`online_s` integer NOT NULL,
	`energy_wh` integer NOT NULL,
	PRIMARY KEY(`miner_id`, `hour`),
	FOREIGN KEY (`miner_id`) REFERENCES `miners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `miner_hourly_hour_idx` ON `miner_hourly` (`hour`);--> statement-breakpoint
CREATE TABLE `miner_samples` (
	`miner_id` integer NOT NULL,
	`at` text NOT NULL,
	`polls` integer NOT NULL,
	`answered` integer NOT NULL,
	`hashrate_ghs` integer,
	`power_w` integer,
	`power_source` text,
	`temp_max_c` integer,
	`online_s` integer NOT NULL,
	`energy_wh` integer NOT NULL,
	PRIMARY KEY(`miner_id`, `at`),
	FOREIGN KEY (`miner_id`) REFERENCES `miners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `miner_samples_at_idx` ON `miner_samples` (`at`);--> statement-breakpoint
CREATE TABLE `telemetry_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`poll_interval_s` integer NOT NULL,
	`concurrency` integer NOT NULL,
	`timeout_ms` integer NOT NULL,
	`enabled` integer NOT NULL,
	`updated_at` text NOT NULL
);

CREATE TABLE `energy_counter_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`counter_id` integer NOT NULL,
	`kind` text NOT NULL,
	`from_at` text NOT NULL,
	`to_at` text NOT NULL,
	`before_raw` text NOT NULL,
	`after_raw` text NOT NULL,
	`counted_wh` integer NOT NULL,
	FOREIGN KEY (`counter_id`) REFERENCES `energy_counters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `energy_counter_events_counter_idx` ON `energy_counter_events` (`counter_id`,`to_at`);--> statement-breakpoint
CREATE TABLE `energy_counters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`device_id` integer NOT NULL,
	`outlet_id` integer,
	`max_wh` integer,
	`last_raw` text,
	`last_wh` integer,
	`last_at` text,
	FOREIGN KEY (`device_id`) REFERENCES `power_devices`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`outlet_id`) REFERENCES `power_outlets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `energy_counters_device_outlet_idx` ON `energy_counters` (`device_id`, coalesce(`outlet_id`, 0));--> statement-breakpoint
CREATE TABLE `energy_hourly` (
	`counter_id` integer NOT NULL,
	`hour` text NOT NULL,
	`energy_wh` integer NOT NULL,
	`covered_s` integer NOT NULL,
	PRIMARY KEY(`counter_id`, `hour`),
	FOREIGN KEY (`counter_id`) REFERENCES `energy_counters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `energy_readings` (
	`counter_id` integer NOT NULL,
	`at` text NOT NULL,
	`raw` text NOT NULL,
	`counter_wh` integer NOT NULL,
	`power_w` integer,
	PRIMARY KEY(`counter_id`, `at`),
	FOREIGN KEY (`counter_id`) REFERENCES `energy_counters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `energy_readings_at_idx` ON `energy_readings` (`at`);--> statement-breakpoint
CREATE TABLE `outlet_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outlet_id` integer NOT NULL,
	`miner_id` integer NOT NULL,
	`from_at` text NOT NULL,
	`to_at` text,
	`actor` text NOT NULL,
	FOREIGN KEY (`outlet_id`) REFERENCES `power_outlets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`miner_id`) REFERENCES `miners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outlet_assignments_open_outlet_idx` ON `outlet_assignments` (`outlet_id`) WHERE "outlet_assignments"."to_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `outlet_assignments_open_miner_idx` ON `outlet_assignments` (`miner_id`) WHERE "outlet_assignments"."to_at" IS NULL;--> statement-breakpoint
CREATE INDEX `outlet_assignments_miner_idx` ON `outlet_assignments` (`miner_id`,`from_at`);--> statement-breakpoint
CREATE TABLE `power_devices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`rack_id` integer,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`host` text NOT NULL,
	`port` integer NOT NULL,
	`builtin_profile` text,
	`custom_profile_id` integer,
	`settings_json` text DEFAULT '{}' NOT NULL,
	`secret_enc` text,
	`metered_device_id` integer,
	`enabled` integer DEFAULT true NOT NULL,
	`state` text DEFAULT 'unknown' NOT NULL,
	`state_message` text,
	`last_polled_at` text,
	`last_ok_at` text,
	`power_w` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rack_id`) REFERENCES `racks`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`custom_profile_id`) REFERENCES `power_profiles`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "power_devices_one_profile" CHECK(("power_devices"."builtin_profile" IS NULL) <> ("power_devices"."custom_profile_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `power_devices_site_host_port_idx` ON `power_devices` (`site_id`,`host`,`port`);--> statement-breakpoint
CREATE INDEX `power_devices_custom_profile_idx` ON `power_devices` (`custom_profile_id`);--> statement-breakpoint
CREATE TABLE `power_outlets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`device_id` integer NOT NULL,
	`outlet_index` integer NOT NULL,
	`name` text,
	`state` text DEFAULT 'unknown' NOT NULL,
	`power_w` integer,
	`read_at` text,
	FOREIGN KEY (`device_id`) REFERENCES `power_devices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `power_outlets_device_index_idx` ON `power_outlets` (`device_id`,`outlet_index`);--> statement-breakpoint
CREATE TABLE `power_profiles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`definition_json` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `power_profiles_name_unique` ON `power_profiles` (`name`);--> statement-breakpoint
CREATE TABLE `alert_rules` (
	`kind` text PRIMARY KEY NOT NULL,
	`enabled` integer NOT NULL,
	`threshold` integer NOT NULL,
	`desktop` integer DEFAULT true NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`miner_id` integer,
	`power_device_id` integer,
	`site_id` integer,
	`client_id` integer,
	`message` text NOT NULL,
	`value` integer,
	`threshold` integer NOT NULL,
	`opened_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`resolved_at` text,
	`acknowledged_at` text,
	`acknowledged_by` text,
	`note` text,
	`notified_at` text,
	FOREIGN KEY (`miner_id`) REFERENCES `miners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`power_device_id`) REFERENCES `power_devices`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alerts_open_subject_idx` ON `alerts` (`kind`, coalesce(`miner_id`, 0), coalesce(`power_device_id`, 0)) WHERE "alerts"."resolved_at" IS NULL;--> statement-breakpoint
CREATE INDEX `alerts_opened_idx` ON `alerts` (`opened_at`);--> statement-breakpoint
CREATE INDEX `alerts_miner_idx` ON `alerts` (`miner_id`);--> statement-breakpoint
CREATE TABLE `device_action_results` (
	`run_id` integer NOT NULL,
	`miner_id` integer NOT NULL,
	`state` text NOT NULL,
	`message` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`run_id`, `miner_id`),
	FOREIGN KEY (`run_id`) REFERENCES `device_action_runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`miner_id`) REFERENCES `miners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `device_action_results_miner_idx` ON `device_action_results` (`miner_id`);--> statement-breakpoint
CREATE TABLE `device_action_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`params_json` text DEFAULT '{}' NOT NULL,
	`client_id` integer,
	`total` integer NOT NULL,
	`actor` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `holding_pool` (
	`id` integer PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`worker` text NOT NULL,
	`password_enc` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `miner_credentials` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer,
	`family` text,
	`username` text NOT NULL,
	`password_enc` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `miner_credentials_scope_idx` ON `miner_credentials` (coalesce(`site_id`, 0), coalesce(`family`, ''));--> statement-breakpoint
CREATE TABLE `pool_redirects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`miner_id` integer NOT NULL,
	`client_id` integer,
	`original_pools_enc` text NOT NULL,
	`redirected_at` text NOT NULL,
	`redirected_by` text NOT NULL,
	`restored_at` text,
	`restored_by` text,
	FOREIGN KEY (`miner_id`) REFERENCES `miners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pool_redirects_open_miner_idx` ON `pool_redirects` (`miner_id`) WHERE "pool_redirects"."restored_at" IS NULL;--> statement-breakpoint
CREATE INDEX `pool_redirects_client_idx` ON `pool_redirects` (`client_id`);--> statement-breakpoint
INSERT INTO `alert_rules` (`kind`, `enabled`, `threshold`, `desktop`, `updated_at`) VALUES
  ('miner_offline', 1, 10, 1, '2026-11-23T00:00:00.000Z'),
  ('hashrate_low', 1, 80, 1, '2026-11-23T00:00:00.000Z'),
  ('temp_high', 1, 85, 1, '2026-11-23T00:00:00.000Z'),
  ('power_device_unreachable', 1, 5, 1, '2026-11-23T00:00:00.000Z');

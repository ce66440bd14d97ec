CREATE TABLE `miner_identity_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`miner_id` integer NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`from_at` text NOT NULL,
	`to_at` text,
	`source` text NOT NULL,
	FOREIGN KEY (`miner_id`) REFERENCES `miners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `miner_identity_miner_idx` ON `miner_identity_history` (`miner_id`,`kind`,`to_at`);--> statement-breakpoint
CREATE INDEX `miner_identity_value_idx` ON `miner_identity_history` (`kind`,`value`);--> statement-breakpoint
CREATE TABLE `miner_identity_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text NOT NULL,
	`source` text NOT NULL,
	`observed_json` text NOT NULL,
	`candidate_ids_json` text NOT NULL,
	`reason` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`resolved_miner_id` integer,
	`resolved_at` text,
	`resolved_by` text,
	FOREIGN KEY (`resolved_miner_id`) REFERENCES `miners`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `miner_identity_reviews_status_idx` ON `miner_identity_reviews` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `miner_latest` (
	`miner_id` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`hashrate_ghs` integer,
	`temp_max_c` integer,
	`fans_rpm` text,
	`pool_url` text,
	`pool_user` text,
	`power_w` integer,
	`power_source` text,
	`uptime_s` integer,
	FOREIGN KEY (`miner_id`) REFERENCES `miners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `miner_tags` (
	`miner_id` integer NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`miner_id`, `tag`),
	FOREIGN KEY (`miner_id`) REFERENCES `miners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `miner_tags_tag_idx` ON `miner_tags` (`tag`);--> statement-breakpoint
CREATE TABLE `task_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`author` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `task_comments_task_idx` ON `task_comments` (`task_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `task_miners` (
	`task_id` integer NOT NULL,
	`miner_id` integer NOT NULL,
	PRIMARY KEY(`task_id`, `miner_id`),
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`miner_id`) REFERENCES `miners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `task_miners_miner_idx` ON `task_miners` (`miner_id`);--> statement-breakpoint
ALTER TABLE `miners` ADD `firmware` text;--> statement-breakpoint
ALTER TABLE `miners` ADD `worker_name` text;--> statement-breakpoint
ALTER TABLE `miners` ADD `notes` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `miners` ADD `last_seen_at` text;--> statement-breakpoint
CREATE INDEX `miners_mac_idx` ON `miners` (`mac`);--> statement-breakpoint
CREATE INDEX `miners_ip_idx` ON `miners` (`ip`);--> statement-breakpoint
ALTER TABLE `tasks` ADD `description` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `created_by` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `closed_at` text;--> statement-breakpoint
CREATE INDEX `tasks_status_due_idx` ON `tasks` (`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `tasks_assignee_idx` ON `tasks` (`assignee_id`,`status`);--> statement-breakpoint
INSERT INTO `miner_identity_history` (`miner_id`, `kind`, `value`, `from_at`, `to_at`, `source`) SELECT `id`, 'serial', `serial`, `created_at`, NULL, 'manual' FROM `miners` WHERE `serial` IS NOT NULL;--> statement-breakpoint
INSERT INTO `miner_identity_history` (`miner_id`, `kind`, `value`, `from_at`, `to_at`, `source`) SELECT `id`, 'mac', `mac`, `created_at`, NULL, 'manual' FROM `miners` WHERE `mac` IS NOT NULL;--> statement-breakpoint
INSERT INTO `miner_identity_history` (`miner_id`, `kind`, `value`, `from_at`, `to_at`, `source`) SELECT `id`, 'ip', `ip`, `created_at`, NULL, 'manual' FROM `miners` WHERE `ip` IS NOT NULL;--> statement-breakpoint
INSERT INTO `miner_identity_history` (`miner_id`, `kind`, `value`, `from_at`, `to_at`, `source`) SELECT `id`, 'hostname', `hostname`, `created_at`, NULL, 'manual' FROM `miners` WHERE `hostname` IS NOT NULL;

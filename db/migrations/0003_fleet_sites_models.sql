CREATE TABLE `miner_models` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`make` text NOT NULL,
	`model` text NOT NULL,
	`nominal_hashrate_ghs` integer NOT NULL,
	`nominal_power_w` integer NOT NULL,
	`algorithm` text DEFAULT 'SHA-256' NOT NULL,
	`cooling` text DEFAULT 'air' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "miner_models_figures_check" CHECK("miner_models"."nominal_hashrate_ghs" > 0 AND "miner_models"."nominal_power_w" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `miner_models_make_model_idx` ON `miner_models` ("make" COLLATE NOCASE,"model" COLLATE NOCASE);--> statement-breakpoint
CREATE TABLE `racks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`room_id` integer NOT NULL,
	`name` text NOT NULL,
	`positions` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `site_rooms`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "racks_positions_check" CHECK("racks"."positions" BETWEEN 1 AND 60)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `racks_room_name_idx` ON `racks` (`room_id`,"name" COLLATE NOCASE);--> statement-breakpoint
CREATE TABLE `site_rooms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `site_rooms_site_name_idx` ON `site_rooms` (`site_id`,"name" COLLATE NOCASE);--> statement-breakpoint
CREATE TABLE `sites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`time_zone` text,
	`address` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sites_name_idx` ON `sites` ("name" COLLATE NOCASE);--> statement-breakpoint
ALTER TABLE `miners` ADD `model_id` integer REFERENCES miner_models(id);--> statement-breakpoint
ALTER TABLE `miners` ADD `site_id` integer REFERENCES sites(id);--> statement-breakpoint
ALTER TABLE `miners` ADD `rack_id` integer REFERENCES racks(id);--> statement-breakpoint
ALTER TABLE `miners` ADD `rack_position` integer;--> statement-breakpoint
CREATE INDEX `miners_site_idx` ON `miners` (`site_id`);--> statement-breakpoint
CREATE INDEX `miners_model_idx` ON `miners` (`model_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `miners_rack_position_idx` ON `miners` (`rack_id`,`rack_position`);
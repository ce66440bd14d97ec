CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`before_json` text,
	`after_json` text
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`organisation_name` text NOT NULL,
	`address` text NOT NULL,
	`tax_id` text NOT NULL,
	`logo_mime` text,
	`logo` blob,
	`currency` text NOT NULL,
	`time_zone` text NOT NULL,
	`energy_rate_micro_per_kwh` integer NOT NULL,
	`invoice_prefix` text NOT NULL,
	`updated_at` text NOT NULL
);

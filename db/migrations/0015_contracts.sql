CREATE TABLE `contract_equipment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`miner_id` integer,
	`site_id` integer,
	`from_at` text NOT NULL,
	`to_at` text,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`miner_id`) REFERENCES `miners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "contract_equipment_one_subject" CHECK(("contract_equipment"."miner_id" IS NULL) <> ("contract_equipment"."site_id" IS NULL)),
	CONSTRAINT "contract_equipment_period" CHECK("contract_equipment"."to_at" IS NULL OR "contract_equipment"."to_at" > "contract_equipment"."from_at")
);
--> statement-breakpoint
CREATE INDEX `contract_equipment_contract_idx` ON `contract_equipment` (`contract_id`,`to_at`);--> statement-breakpoint
CREATE INDEX `contract_equipment_miner_idx` ON `contract_equipment` (`miner_id`,`from_at`);--> statement-breakpoint
CREATE INDEX `contract_equipment_site_idx` ON `contract_equipment` (`site_id`,`from_at`);--> statement-breakpoint
CREATE TABLE `contract_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`kind` text NOT NULL,
	`at` text NOT NULL,
	`recorded_at` text NOT NULL,
	`actor` text NOT NULL,
	`message` text NOT NULL,
	`details_json` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contract_events_contract_idx` ON `contract_events` (`contract_id`,`id`);--> statement-breakpoint
CREATE TABLE `contract_metering_devices` (
	`contract_id` integer NOT NULL,
	`device_id` integer NOT NULL,
	PRIMARY KEY(`contract_id`, `device_id`),
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`device_id`) REFERENCES `power_devices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contract_metering_devices_device_idx` ON `contract_metering_devices` (`device_id`);--> statement-breakpoint
CREATE TABLE `contract_number_sequences` (
	`year` integer PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `contract_power_watch` (
	`contract_id` integer PRIMARY KEY NOT NULL,
	`over_since` text NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `contracts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`draft_reference` text NOT NULL,
	`number` text,
	`type` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`client_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`term` text NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`term_anchor_at` text NOT NULL,
	`terms_from_anchor` integer DEFAULT 0 NOT NULL,
	`billing_method` text,
	`energy_rate_micro_per_kwh` integer,
	`energy_rate_source` text,
	`fixed_monthly_fee_minor` integer,
	`hosting_fee_minor_per_miner_month` integer,
	`price_micro_per_ths_day` integer,
	`contracted_ghs` integer,
	`power_cap_w` integer,
	`currency` text NOT NULL,
	`deposit_minor` integer,
	`net_days` integer NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`auto_renew` integer NOT NULL,
	`notice_days` integer NOT NULL,
	`signed_document_id` integer,
	`extension_count` integer DEFAULT 0 NOT NULL,
	`activated_at` text,
	`terminated_at` text,
	`termination_reason` text,
	`closed_at` text,
	`renewed_from_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_document_id`) REFERENCES `client_documents`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`renewed_from_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "contracts_dates" CHECK("contracts"."ends_at" > "contracts"."starts_at")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contracts_draft_reference_unique` ON `contracts` (`draft_reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `contracts_number_unique` ON `contracts` (`number`);--> statement-breakpoint
CREATE INDEX `contracts_client_idx` ON `contracts` (`client_id`,`status`);--> statement-breakpoint
CREATE INDEX `contracts_site_idx` ON `contracts` (`site_id`);--> statement-breakpoint
CREATE INDEX `contracts_status_ends_idx` ON `contracts` (`status`,`ends_at`);--> statement-breakpoint
CREATE INDEX `contracts_ends_idx` ON `contracts` (`ends_at`);--> statement-breakpoint
CREATE INDEX `contracts_renewed_from_idx` ON `contracts` (`renewed_from_id`);--> statement-breakpoint
DROP INDEX `alerts_open_subject_idx`;--> statement-breakpoint
ALTER TABLE `alerts` ADD `contract_id` integer REFERENCES contracts(id) ON DELETE cascade;--> statement-breakpoint
CREATE UNIQUE INDEX `alerts_open_subject_idx` ON `alerts` (`kind`, coalesce(`miner_id`, 0), coalesce(`power_device_id`, 0), coalesce(`contract_id`, 0)) WHERE "alerts"."resolved_at" IS NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `contract_prefix` text DEFAULT 'HD' NOT NULL;--> statement-breakpoint
INSERT INTO `alert_rules` (`kind`, `enabled`, `threshold`, `desktop`, `updated_at`) VALUES ('power_cap', 1, 5, 1, '2026-11-23T00:00:00.000Z');

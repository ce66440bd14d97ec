CREATE TABLE `client_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`phone` text DEFAULT '' NOT NULL,
	`role` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `client_contacts_client_idx` ON `client_contacts` (`client_id`);--> statement-breakpoint
CREATE TABLE `client_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`mime` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`content` blob NOT NULL,
	`uploaded_at` text NOT NULL,
	`uploaded_by` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `client_documents_client_idx` ON `client_documents` (`client_id`);--> statement-breakpoint
CREATE TABLE `client_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `client_groups_name_unique` ON `client_groups` (`name`);--> statement-breakpoint
CREATE TABLE `client_pricing` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`valid_from` text NOT NULL,
	`energy_rate_micro_per_kwh` integer,
	`hosting_fee_minor_per_miner_month` integer,
	`created_at` text NOT NULL,
	`actor` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `client_pricing_client_date_idx` ON `client_pricing` (`client_id`,`valid_from`);--> statement-breakpoint
CREATE TABLE `client_status_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`reason` text,
	`actor` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `client_status_history_client_idx` ON `client_status_history` (`client_id`,`id`);--> statement-breakpoint
CREATE TABLE `clients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`company` text DEFAULT '' NOT NULL,
	`contact_email` text NOT NULL,
	`billing_email` text,
	`phone` text DEFAULT '' NOT NULL,
	`messenger` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`zip` text DEFAULT '' NOT NULL,
	`country` text,
	`currency` text,
	`group_id` integer,
	`tax_exempt` integer DEFAULT false NOT NULL,
	`tax_id` text DEFAULT '' NOT NULL,
	`manager_id` integer NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`archived_at` text,
	`merged_into_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `client_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`manager_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_into_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `clients_contact_email_open_idx` ON `clients` (`contact_email`) WHERE "clients"."archived_at" IS NULL;--> statement-breakpoint
CREATE INDEX `clients_status_idx` ON `clients` (`status`);--> statement-breakpoint
CREATE INDEX `clients_created_idx` ON `clients` (`created_at`);--> statement-breakpoint
CREATE INDEX `clients_group_idx` ON `clients` (`group_id`);--> statement-breakpoint
CREATE INDEX `clients_manager_idx` ON `clients` (`manager_id`);--> statement-breakpoint
CREATE INDEX `clients_name_idx` ON `clients` (`name`);--> statement-breakpoint
CREATE INDEX `clients_archived_idx` ON `clients` (`archived_at`);--> statement-breakpoint
CREATE TABLE `miner_client_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`miner_id` integer NOT NULL,
	`client_id` integer NOT NULL,
	`from_at` text NOT NULL,
	`to_at` text,
	FOREIGN KEY (`miner_id`) REFERENCES `miners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `miner_assignments_miner_idx` ON `miner_client_assignments` (`miner_id`,`to_at`);--> statement-breakpoint
CREATE INDEX `miner_assignments_client_idx` ON `miner_client_assignments` (`client_id`,`from_at`);--> statement-breakpoint
CREATE TABLE `miners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`asset_id` text NOT NULL,
	`serial` text,
	`mac` text,
	`ip` text,
	`hostname` text,
	`make` text NOT NULL,
	`model` text NOT NULL,
	`client_id` integer,
	`paid` integer DEFAULT true NOT NULL,
	`state` text DEFAULT 'unassigned' NOT NULL,
	`live_status` text DEFAULT 'unknown' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `miners_asset_id_unique` ON `miners` (`asset_id`);--> statement-breakpoint
CREATE INDEX `miners_client_status_idx` ON `miners` (`client_id`,`live_status`,`paid`);--> statement-breakpoint
CREATE INDEX `miners_serial_idx` ON `miners` (`serial`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`phone` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_email_unique` ON `staff` (`email`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`type` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`priority` text DEFAULT 'normal' NOT NULL,
	`assignee_id` integer,
	`due_date` text,
	`client_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`assignee_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tasks_client_status_idx` ON `tasks` (`client_id`,`status`);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `client_id` integer;--> statement-breakpoint
CREATE INDEX `audit_client_idx` ON `audit_log` (`client_id`,`id`);
CREATE TABLE `invoice_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_id` integer NOT NULL,
	`position` integer NOT NULL,
	`contract_id` integer NOT NULL,
	`miner_id` integer,
	`miner_label` text,
	`method` text NOT NULL,
	`quantity` text NOT NULL,
	`unit` text NOT NULL,
	`rate` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`energy_wh` integer,
	`billed_seconds` integer NOT NULL,
	`fallback_seconds` integer NOT NULL,
	`explanation` text NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`miner_id`) REFERENCES `miners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoice_lines_position_idx` ON `invoice_lines` (`invoice_id`,`position`);--> statement-breakpoint
CREATE TABLE `invoice_number_sequences` (
	`series` text NOT NULL,
	`year` integer NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`series`, `year`)
);
--> statement-breakpoint
CREATE TABLE `invoice_taxes` (
	`invoice_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`percent` text NOT NULL,
	`amount_minor` integer NOT NULL,
	PRIMARY KEY(`invoice_id`, `position`),
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text DEFAULT 'invoice' NOT NULL,
	`client_id` integer NOT NULL,
	`contract_id` integer NOT NULL,
	`period` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`time_zone` text NOT NULL,
	`status` text NOT NULL,
	`held_reason` text,
	`number` text,
	`issue_date` text,
	`due_date` text,
	`net_days` integer NOT NULL,
	`currency` text NOT NULL,
	`subtotal_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`total_minor` integer NOT NULL,
	`amount_paid_minor` integer DEFAULT 0 NOT NULL,
	`tax_exempt` integer NOT NULL,
	`bill_to_json` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`credited_invoice_id` integer,
	`reason` text,
	`void_reason` text,
	`voided_at` text,
	`issued_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`credited_invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "invoices_number_when_issued" CHECK(("invoices"."number" IS NULL) = ("invoices"."issued_at" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_number_unique` ON `invoices` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_client_contract_period_idx` ON `invoices` (`client_id`,`contract_id`,`period`) WHERE "invoices"."kind" = 'invoice' AND "invoices"."status" <> 'void';--> statement-breakpoint
CREATE INDEX `invoices_period_idx` ON `invoices` (`period`,`status`);--> statement-breakpoint
CREATE INDEX `invoices_client_idx` ON `invoices` (`client_id`,`period`);--> statement-breakpoint
CREATE INDEX `invoices_credited_idx` ON `invoices` (`credited_invoice_id`);--> statement-breakpoint
ALTER TABLE `settings` ADD `tax_rates_json` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `payment_instructions` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `miner_hourly_offline_idx` ON `miner_hourly` (`miner_id`,`hour`,`online_s`) WHERE "miner_hourly"."online_s" < 3600;--> statement-breakpoint
CREATE INDEX `energy_hourly_billing_idx` ON `energy_hourly` (`counter_id`,`hour`,`energy_wh`,`covered_s`);--> statement-breakpoint
-- Issued invoices and credit notes are immutable records: whatever writes, only the status, the amount paid and the void fields of a numbered row may change.
CREATE TRIGGER `invoices_issued_immutable` BEFORE UPDATE ON `invoices`
WHEN OLD.`number` IS NOT NULL AND (
  NEW.`kind` IS NOT OLD.`kind` OR NEW.`client_id` IS NOT OLD.`client_id` OR NEW.`contract_id` IS NOT OLD.`contract_id`
  OR NEW.`period` IS NOT OLD.`period` OR NEW.`period_from` IS NOT OLD.`period_from` OR NEW.`period_to` IS NOT OLD.`period_to`
  OR NEW.`time_zone` IS NOT OLD.`time_zone` OR NEW.`number` IS NOT OLD.`number` OR NEW.`issue_date` IS NOT OLD.`issue_date`
  OR NEW.`due_date` IS NOT OLD.`due_date` OR NEW.`net_days` IS NOT OLD.`net_days` OR NEW.`currency` IS NOT OLD.`currency`
  OR NEW.`subtotal_minor` IS NOT OLD.`subtotal_minor` OR NEW.`tax_minor` IS NOT OLD.`tax_minor` OR NEW.`total_minor` IS NOT OLD.`total_minor`
  OR NEW.`tax_exempt` IS NOT OLD.`tax_exempt` OR NEW.`bill_to_json` IS NOT OLD.`bill_to_json` OR NEW.`notes` IS NOT OLD.`notes`
  OR NEW.`credited_invoice_id` IS NOT OLD.`credited_invoice_id` OR NEW.`reason` IS NOT OLD.`reason` OR NEW.`issued_at` IS NOT OLD.`issued_at`
  OR NEW.`held_reason` IS NOT OLD.`held_reason` OR NEW.`status` IN ('draft', 'held')
)
BEGIN
  SELECT RAISE(ABORT, 'An issued invoice cannot be changed: correct it with a credit note.');
END;
--> statement-breakpoint
CREATE TRIGGER `invoices_issued_undeletable` BEFORE DELETE ON `invoices` WHEN OLD.`number` IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'An issued invoice cannot be deleted: void it or correct it with a credit note.');
END;
--> statement-breakpoint
CREATE TRIGGER `invoice_lines_issued_insert` BEFORE INSERT ON `invoice_lines`
WHEN (SELECT `number` FROM `invoices` WHERE `id` = NEW.`invoice_id`) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'An issued invoice cannot be changed: correct it with a credit note.');
END;
--> statement-breakpoint
CREATE TRIGGER `invoice_lines_issued_update` BEFORE UPDATE ON `invoice_lines`
WHEN (SELECT `number` FROM `invoices` WHERE `id` = OLD.`invoice_id`) IS NOT NULL OR (SELECT `number` FROM `invoices` WHERE `id` = NEW.`invoice_id`) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'An issued invoice cannot be changed: correct it with a credit note.');
END;
--> statement-breakpoint
CREATE TRIGGER `invoice_lines_issued_delete` BEFORE DELETE ON `invoice_lines`
WHEN (SELECT `number` FROM `invoices` WHERE `id` = OLD.`invoice_id`) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'An issued invoice cannot be changed: correct it with a credit note.');
END;
--> statement-breakpoint
CREATE TRIGGER `invoice_taxes_issued_insert` BEFORE INSERT ON `invoice_taxes`
WHEN (SELECT `number` FROM `invoices` WHERE `id` = NEW.`invoice_id`) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'An issued invoice cannot be changed: correct it with a credit note.');
END;
--> statement-breakpoint
CREATE TRIGGER `invoice_taxes_issued_update` BEFORE UPDATE ON `invoice_taxes`
WHEN (SELECT `number` FROM `invoices` WHERE `id` = OLD.`invoice_id`) IS NOT NULL OR (SELECT `number` FROM `invoices` WHERE `id` = NEW.`invoice_id`) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'An issued invoice cannot be changed: correct it with a credit note.');
END;
--> statement-breakpoint
CREATE TRIGGER `invoice_taxes_issued_delete` BEFORE DELETE ON `invoice_taxes`
WHEN (SELECT `number` FROM `invoices` WHERE `id` = OLD.`invoice_id`) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'An issued invoice cannot be changed: correct it with a credit note.');
END;

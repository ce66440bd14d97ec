CREATE TABLE `payment_allocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_id` integer NOT NULL,
	`payment_id` integer,
	`credit_note_id` integer,
	`amount_minor` integer NOT NULL,
	`reason` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`credit_note_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payment_allocations_one_source" CHECK(("payment_allocations"."payment_id" IS NULL) <> ("payment_allocations"."credit_note_id" IS NULL)),
	CONSTRAINT "payment_allocations_amount_not_zero" CHECK("payment_allocations"."amount_minor" <> 0)
);
--> statement-breakpoint
CREATE INDEX `payment_allocations_invoice_idx` ON `payment_allocations` (`invoice_id`);--> statement-breakpoint
CREATE INDEX `payment_allocations_payment_idx` ON `payment_allocations` (`payment_id`);--> statement-breakpoint
CREATE INDEX `payment_allocations_credit_note_idx` ON `payment_allocations` (`credit_note_id`);--> statement-breakpoint
CREATE TABLE `payment_refunds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`payment_id` integer NOT NULL,
	`amount_minor` integer NOT NULL,
	`reason` text NOT NULL,
	`refunded_on` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payment_refunds_amount_positive" CHECK("payment_refunds"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE INDEX `payment_refunds_payment_idx` ON `payment_refunds` (`payment_id`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`method` text NOT NULL,
	`currency` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`fee_minor` integer DEFAULT 0 NOT NULL,
	`received_on` text NOT NULL,
	`reference` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payments_amount_positive" CHECK("payments"."amount_minor" > 0),
	CONSTRAINT "payments_fee_not_negative" CHECK("payments"."fee_minor" >= 0)
);
--> statement-breakpoint
CREATE INDEX `payments_client_idx` ON `payments` (`client_id`,`received_on`);--> statement-breakpoint
ALTER TABLE `settings` ADD `default_after_days_overdue` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
-- Invoices marked paid before payments were recorded (the demo did so) get the payment they stand for, allocated to them, so balances, the journal and credit read from one ledger. The site's calendar is not known here: the UTC date of the last change is the received date.
INSERT INTO `payments` (`client_id`, `method`, `currency`, `amount_minor`, `fee_minor`, `received_on`, `reference`, `note`, `created_at`)
SELECT `client_id`, 'bank_transfer', `currency`, `amount_paid_minor`, 0, substr(`updated_at`, 1, 10), `number`, 'Marked paid on ' || `number` || ' before payments were recorded', `updated_at`
FROM `invoices` WHERE `kind` = 'invoice' AND `number` IS NOT NULL AND `amount_paid_minor` > 0 ORDER BY `id`;
--> statement-breakpoint
INSERT INTO `payment_allocations` (`invoice_id`, `payment_id`, `amount_minor`, `reason`, `created_at`)
SELECT i.`id`, p.`id`, i.`amount_paid_minor`, 'before_payments', i.`updated_at`
FROM `invoices` i JOIN `payments` p ON p.`reference` = i.`number` AND p.`client_id` = i.`client_id` AND p.`note` = 'Marked paid on ' || i.`number` || ' before payments were recorded'
WHERE i.`kind` = 'invoice' AND i.`number` IS NOT NULL AND i.`amount_paid_minor` > 0 ORDER BY i.`id`;
--> statement-breakpoint
-- The ledgers are records: a correction is a new row (a release, a refund), never an edit.
CREATE TRIGGER `payment_allocations_append_only_update` BEFORE UPDATE ON `payment_allocations`
BEGIN
  SELECT RAISE(ABORT, 'An allocation is a record and cannot be changed: move the money with a new allocation.');
END;
--> statement-breakpoint
CREATE TRIGGER `payment_allocations_append_only_delete` BEFORE DELETE ON `payment_allocations`
BEGIN
  SELECT RAISE(ABORT, 'An allocation is a record and cannot be deleted: move the money with a new allocation.');
END;
--> statement-breakpoint
CREATE TRIGGER `payment_refunds_append_only` BEFORE UPDATE ON `payment_refunds`
BEGIN
  SELECT RAISE(ABORT, 'A refund is a record and cannot be changed.');
END;
--> statement-breakpoint
CREATE TRIGGER `payment_refunds_undeletable` BEFORE DELETE ON `payment_refunds`
BEGIN
  SELECT RAISE(ABORT, 'A refund is a record and cannot be deleted.');
END;
--> statement-breakpoint
CREATE TRIGGER `payments_undeletable` BEFORE DELETE ON `payments`
BEGIN
  SELECT RAISE(ABORT, 'A payment is a record and cannot be deleted: refund it instead.');
END;

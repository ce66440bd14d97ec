ALTER TABLE `contracts` ADD `notice_by` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Contracts written before this column: the end less the notice days in UTC days (the services keep it on the site's calendar from now on).
UPDATE `contracts` SET `notice_by` = strftime('%Y-%m-%dT%H:%M:%fZ', `ends_at`, '-' || `notice_days` || ' days');--> statement-breakpoint
CREATE INDEX `contracts_status_notice_idx` ON `contracts` (`status`,`notice_by`);

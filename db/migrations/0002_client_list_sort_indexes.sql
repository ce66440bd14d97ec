DROP INDEX `clients_status_idx`;--> statement-breakpoint
DROP INDEX `clients_name_idx`;--> statement-breakpoint
DROP INDEX `clients_archived_idx`;--> statement-breakpoint
CREATE INDEX `clients_name_sort_idx` ON `clients` ("name" COLLATE NOCASE,`id`);--> statement-breakpoint
CREATE INDEX `clients_company_sort_idx` ON `clients` (("company" = ''),"company" COLLATE NOCASE,`id`);--> statement-breakpoint
CREATE INDEX `clients_country_sort_idx` ON `clients` (("country" IS NULL),`country`,`id`);
ALTER TABLE `discovery_results` ADD `power_w` integer;--> statement-breakpoint
ALTER TABLE `discovery_results` ADD `temp_max_c` integer;--> statement-breakpoint
ALTER TABLE `discovery_results` ADD `pool_url` text;--> statement-breakpoint
ALTER TABLE `discovery_results` ADD `pool_user` text;--> statement-breakpoint
ALTER TABLE `discovery_scans` ADD `max_rate` integer;
CREATE TABLE `miner_edit_batches` (
	`token` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`actor` text NOT NULL,
	`before_json` text NOT NULL,
	`undone_at` text
);

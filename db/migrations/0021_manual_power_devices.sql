PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_power_devices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`rack_id` integer,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`host` text,
	`port` integer,
	`builtin_profile` text,
	`custom_profile_id` integer,
	`settings_json` text DEFAULT '{}' NOT NULL,
	`secret_enc` text,
	`metered_device_id` integer,
	`enabled` integer DEFAULT true NOT NULL,
	`state` text DEFAULT 'unknown' NOT NULL,
	`state_message` text,
	`last_polled_at` text,
	`last_ok_at` text,
	`power_w` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rack_id`) REFERENCES `racks`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`custom_profile_id`) REFERENCES `power_profiles`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "power_devices_how_read" CHECK(CASE WHEN "__new_power_devices"."kind" = 'manual' THEN "__new_power_devices"."host" IS NULL AND "__new_power_devices"."port" IS NULL AND "__new_power_devices"."builtin_profile" IS NULL AND "__new_power_devices"."custom_profile_id" IS NULL
        ELSE "__new_power_devices"."host" IS NOT NULL AND "__new_power_devices"."port" IS NOT NULL AND ("__new_power_devices"."builtin_profile" IS NULL) <> ("__new_power_devices"."custom_profile_id" IS NULL) END)
);
--> statement-breakpoint
INSERT INTO `__new_power_devices`("id", "site_id", "rack_id", "kind", "name", "host", "port", "builtin_profile", "custom_profile_id", "settings_json", "secret_enc", "metered_device_id", "enabled", "state", "state_message", "last_polled_at", "last_ok_at", "power_w", "created_at", "updated_at") SELECT "id", "site_id", "rack_id", "kind", "name", "host", "port", "builtin_profile", "custom_profile_id", "settings_json", "secret_enc", "metered_device_id", "enabled", "state", "state_message", "last_polled_at", "last_ok_at", "power_w", "created_at", "updated_at" FROM `power_devices`;--> statement-breakpoint
DROP TABLE `power_devices`;--> statement-breakpoint
ALTER TABLE `__new_power_devices` RENAME TO `power_devices`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `power_devices_site_host_port_idx` ON `power_devices` (`site_id`,`host`,`port`);--> statement-breakpoint
CREATE INDEX `power_devices_custom_profile_idx` ON `power_devices` (`custom_profile_id`);--> statement-breakpoint
ALTER TABLE `energy_readings` ADD `reset` integer DEFAULT false NOT NULL;
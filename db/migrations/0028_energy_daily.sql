CREATE TABLE `energy_daily` (
	`counter_id` integer NOT NULL,
	`day` text NOT NULL,
	`hours` integer NOT NULL,
	`energy_wh` integer NOT NULL,
	`covered_s` integer NOT NULL,
	PRIMARY KEY(`counter_id`, `day`),
	FOREIGN KEY (`counter_id`) REFERENCES `energy_counters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- The days already stored. From here on the triggers below keep each day equal to the sum of its hours.
INSERT INTO `energy_daily` (`counter_id`, `day`, `hours`, `energy_wh`, `covered_s`)
  SELECT `counter_id`, substr(`hour`, 1, 10), COUNT(*), SUM(`energy_wh`), SUM(`covered_s`) FROM `energy_hourly` GROUP BY `counter_id`, substr(`hour`, 1, 10);
--> statement-breakpoint
CREATE TRIGGER `energy_daily_hour_added` AFTER INSERT ON `energy_hourly` BEGIN
  INSERT INTO `energy_daily` (`counter_id`, `day`, `hours`, `energy_wh`, `covered_s`)
    VALUES (NEW.`counter_id`, substr(NEW.`hour`, 1, 10), 1, NEW.`energy_wh`, NEW.`covered_s`)
    ON CONFLICT (`counter_id`, `day`) DO UPDATE SET `hours` = `hours` + 1, `energy_wh` = `energy_wh` + excluded.`energy_wh`, `covered_s` = `covered_s` + excluded.`covered_s`;
END;
--> statement-breakpoint
CREATE TRIGGER `energy_daily_hour_changed` AFTER UPDATE OF `counter_id`, `hour`, `energy_wh`, `covered_s` ON `energy_hourly` BEGIN
  UPDATE `energy_daily` SET `hours` = `hours` - 1, `energy_wh` = `energy_wh` - OLD.`energy_wh`, `covered_s` = `covered_s` - OLD.`covered_s`
    WHERE `counter_id` = OLD.`counter_id` AND `day` = substr(OLD.`hour`, 1, 10);
  INSERT INTO `energy_daily` (`counter_id`, `day`, `hours`, `energy_wh`, `covered_s`)
    VALUES (NEW.`counter_id`, substr(NEW.`hour`, 1, 10), 1, NEW.`energy_wh`, NEW.`covered_s`)
    ON CONFLICT (`counter_id`, `day`) DO UPDATE SET `hours` = `hours` + 1, `energy_wh` = `energy_wh` + excluded.`energy_wh`, `covered_s` = `covered_s` + excluded.`covered_s`;
  DELETE FROM `energy_daily` WHERE `counter_id` = OLD.`counter_id` AND `day` = substr(OLD.`hour`, 1, 10) AND `hours` = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `energy_daily_hour_removed` AFTER DELETE ON `energy_hourly` BEGIN
  UPDATE `energy_daily` SET `hours` = `hours` - 1, `energy_wh` = `energy_wh` - OLD.`energy_wh`, `covered_s` = `covered_s` - OLD.`covered_s`
    WHERE `counter_id` = OLD.`counter_id` AND `day` = substr(OLD.`hour`, 1, 10);
  DELETE FROM `energy_daily` WHERE `counter_id` = OLD.`counter_id` AND `day` = substr(OLD.`hour`, 1, 10) AND `hours` = 0;
END;

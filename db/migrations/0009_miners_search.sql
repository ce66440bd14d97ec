-- Free-text search of the Miners table: a trigram index answers LIKE '%term%' for terms of three
-- characters or more without reading every miner. Kept in step with the miners table by triggers;
-- only the identity columns fire them, so mass edits of client, paid or state do not.
CREATE VIRTUAL TABLE `miners_search` USING fts5(`text`, tokenize = 'trigram', detail = full);
--> statement-breakpoint
INSERT INTO `miners_search` (`rowid`, `text`)
SELECT `id`, concat_ws(' ', `asset_id`, `serial`, `mac`, `ip`, `hostname`, `make`, `model`, `firmware`, `worker_name`) FROM `miners`;
--> statement-breakpoint
CREATE TRIGGER `miners_search_insert` AFTER INSERT ON `miners` BEGIN
  INSERT INTO `miners_search` (`rowid`, `text`)
  VALUES (new.`id`, concat_ws(' ', new.`asset_id`, new.`serial`, new.`mac`, new.`ip`, new.`hostname`, new.`make`, new.`model`, new.`firmware`, new.`worker_name`));
END;
--> statement-breakpoint
CREATE TRIGGER `miners_search_update` AFTER UPDATE OF `asset_id`, `serial`, `mac`, `ip`, `hostname`, `make`, `model`, `firmware`, `worker_name` ON `miners` BEGIN
  UPDATE `miners_search`
  SET `text` = concat_ws(' ', new.`asset_id`, new.`serial`, new.`mac`, new.`ip`, new.`hostname`, new.`make`, new.`model`, new.`firmware`, new.`worker_name`)
  WHERE `rowid` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `miners_search_delete` AFTER DELETE ON `miners` BEGIN
  DELETE FROM `miners_search` WHERE `rowid` = old.`id`;
END;

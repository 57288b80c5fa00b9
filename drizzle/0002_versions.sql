CREATE TABLE `versions` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`label` text NOT NULL,
	`note` text,
	`symbol` text,
	`state` blob NOT NULL,
	`paragraphs` text NOT NULL,
	`upto_seq` integer NOT NULL,
	`restored_from` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `versions_doc_idx` ON `versions` (`document_id`,`created_at`);
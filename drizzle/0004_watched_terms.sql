CREATE TABLE `watched_terms` (
	`document_id` text PRIMARY KEY NOT NULL,
	`terms` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);

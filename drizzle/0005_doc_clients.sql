CREATE TABLE `doc_clients` (
	`document_id` text NOT NULL,
	`client_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`claimed_at` integer NOT NULL,
	PRIMARY KEY(`document_id`, `client_id`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);

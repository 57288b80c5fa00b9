CREATE TABLE `annotation_cosponsors` (
	`annotation_id` text NOT NULL,
	`delegation_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`annotation_id`, `delegation_id`),
	FOREIGN KEY (`annotation_id`) REFERENCES `annotations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`delegation_id`) REFERENCES `delegations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `annotation_replies` (
	`id` text PRIMARY KEY NOT NULL,
	`annotation_id` text NOT NULL,
	`user_id` text NOT NULL,
	`delegation_id` text,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`annotation_id`) REFERENCES `annotations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `replies_annotation_idx` ON `annotation_replies` (`annotation_id`);--> statement-breakpoint
CREATE TABLE `annotations` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`block_id` text NOT NULL,
	`kind` text NOT NULL,
	`op` text,
	`proposed_text` text,
	`anchor_start` text NOT NULL,
	`anchor_end` text NOT NULL,
	`quote` text NOT NULL,
	`body` text,
	`author_user_id` text NOT NULL,
	`author_delegation_id` text,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_delegation_id`) REFERENCES `delegations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `annotations_doc_idx` ON `annotations` (`document_id`);--> statement-breakpoint
CREATE TABLE `negotiation_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` text NOT NULL,
	`seq` integer NOT NULL,
	`action` text NOT NULL,
	`annotation_id` text,
	`block_id` text,
	`user_id` text,
	`delegation_id` text,
	`reason` text,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_doc_seq` ON `negotiation_events` (`document_id`,`seq`);--> statement-breakpoint
CREATE INDEX `events_annotation_idx` ON `negotiation_events` (`annotation_id`);--> statement-breakpoint
CREATE TABLE `paragraph_status` (
	`document_id` text NOT NULL,
	`block_id` text NOT NULL,
	`status` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`document_id`, `block_id`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);

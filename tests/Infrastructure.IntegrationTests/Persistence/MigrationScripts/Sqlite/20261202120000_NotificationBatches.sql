BEGIN TRANSACTION;
CREATE TABLE "notification_batches" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_notification_batches" PRIMARY KEY AUTOINCREMENT,
    "dealer_id" INTEGER NOT NULL,
    "kind" INTEGER NOT NULL,
    "changed_at" TEXT NOT NULL,
    "first_master_id" INTEGER NULL,
    "last_master_id" INTEGER NULL,
    "cursor_master_id" INTEGER NOT NULL,
    "cursor_user_id" INTEGER NOT NULL,
    "delivered" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" TEXT NULL,
    "lease_owner" TEXT NULL,
    "lease_until" TEXT NULL,
    "completed_at" TEXT NULL,
    CONSTRAINT "FK_notification_batches_dealers_dealer_id" FOREIGN KEY ("dealer_id") REFERENCES "dealers" ("id") ON DELETE CASCADE
);

CREATE INDEX "IX_notification_batches_completed_at" ON "notification_batches" ("completed_at");

CREATE INDEX "IX_notification_batches_dealer_id" ON "notification_batches" ("dealer_id");

ALTER TABLE "users" ADD "mfa_off_notice_batch_id" INTEGER NULL;

ALTER TABLE "users" ADD "mfa_on_notice_batch_id" INTEGER NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202120000_NotificationBatches', '<ef-version>');

COMMIT;


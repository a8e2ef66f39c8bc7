BEGIN TRANSACTION;
ALTER TABLE "users" ADD "pending_password" BLOB NULL;

CREATE INDEX "IX_users_pending_password" ON "users" ("id") WHERE pending_password IS NOT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202130000_PendingPasswords', '<ef-version>');

COMMIT;


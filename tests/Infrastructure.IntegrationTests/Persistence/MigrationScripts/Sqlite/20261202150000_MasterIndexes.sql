BEGIN TRANSACTION;
CREATE INDEX "IX_users_masters_id" ON "users" ("dealer_id", "id") WHERE master_id IS NULL;

CREATE INDEX "IX_users_masters_login_key" ON "users" ("dealer_id", "login_key", "id") WHERE master_id IS NULL;

CREATE INDEX "IX_users_masters_last_name" ON "users" ("dealer_id", "last_name", "id") WHERE master_id IS NULL;

DROP INDEX "IX_users_dealer_id_master_id_last_name_id";

DROP INDEX "IX_users_dealer_id_master_id_login_key_id";

DROP INDEX "IX_users_dealer_id_master_id_id";

DROP INDEX "IX_users_master_id";

CREATE INDEX "IX_users_master_id" ON "users" ("master_id") WHERE master_id IS NOT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202150000_MasterIndexes', '<ef-version>');

COMMIT;


START TRANSACTION;
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202170000_BulkSearchEntries', '<ef-version>');

COMMIT;


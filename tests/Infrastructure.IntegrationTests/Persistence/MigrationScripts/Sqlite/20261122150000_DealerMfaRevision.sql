BEGIN TRANSACTION;
ALTER TABLE "dealers" ADD "mfa_revision" INTEGER NOT NULL DEFAULT 0;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122150000_DealerMfaRevision', '<ef-version>');

COMMIT;


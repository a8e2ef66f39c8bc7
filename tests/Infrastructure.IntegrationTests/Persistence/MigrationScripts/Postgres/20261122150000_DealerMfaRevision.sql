START TRANSACTION;
ALTER TABLE dealers ADD mfa_revision bigint NOT NULL DEFAULT 0;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122150000_DealerMfaRevision', '<ef-version>');

COMMIT;


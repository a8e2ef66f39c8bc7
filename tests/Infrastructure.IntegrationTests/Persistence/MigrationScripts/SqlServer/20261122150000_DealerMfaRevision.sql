BEGIN TRANSACTION;
ALTER TABLE [dealers] ADD [mfa_revision] bigint NOT NULL DEFAULT CAST(0 AS bigint);

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261122150000_DealerMfaRevision', N'<ef-version>');

COMMIT;
GO


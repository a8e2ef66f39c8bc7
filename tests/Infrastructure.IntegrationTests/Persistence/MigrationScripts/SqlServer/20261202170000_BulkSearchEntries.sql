BEGIN TRANSACTION;
INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261202170000_BulkSearchEntries', N'<ef-version>');

COMMIT;
GO


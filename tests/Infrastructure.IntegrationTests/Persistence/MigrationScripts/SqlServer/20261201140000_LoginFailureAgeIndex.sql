BEGIN TRANSACTION;
CREATE INDEX [IX_login_failures_occurred_at] ON [login_failures] ([occurred_at]);

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261201140000_LoginFailureAgeIndex', N'<ef-version>');

COMMIT;
GO


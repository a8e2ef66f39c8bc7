BEGIN TRANSACTION;
ALTER TABLE [users] ADD [pending_password] varbinary(284) NULL;

CREATE INDEX [IX_users_pending_password] ON [users] ([id]) WHERE pending_password IS NOT NULL;

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261202130000_PendingPasswords', N'<ef-version>');

COMMIT;
GO


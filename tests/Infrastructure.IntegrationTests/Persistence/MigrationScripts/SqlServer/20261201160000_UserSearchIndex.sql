BEGIN TRANSACTION;
DROP INDEX [IX_users_dealer_id_master_id] ON [users];

CREATE INDEX [IX_users_dealer_id_master_id_id] ON [users] ([dealer_id], [master_id], [id]);

CREATE INDEX [IX_users_dealer_id_master_id_login_key_id] ON [users] ([dealer_id], [master_id], [login_key], [id]);

CREATE INDEX [IX_users_dealer_id_master_id_last_name_id] ON [users] ([dealer_id], [master_id], [last_name], [id]);

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261201160000_UserSearchIndex', N'<ef-version>');

COMMIT;
GO


BEGIN TRANSACTION;
CREATE INDEX [IX_second_factor_events_occurred_at] ON [second_factor_events] ([occurred_at]);

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261201170000_SecondFactorEventAgeIndex', N'<ef-version>');

COMMIT;
GO


BEGIN TRANSACTION;
CREATE TABLE [notification_batches] (
    [id] bigint NOT NULL IDENTITY,
    [dealer_id] bigint NOT NULL,
    [kind] int NOT NULL,
    [changed_at] datetime2 NOT NULL,
    [first_master_id] bigint NULL,
    [last_master_id] bigint NULL,
    [cursor_master_id] bigint NOT NULL,
    [cursor_user_id] bigint NOT NULL,
    [delivered] int NOT NULL,
    [attempts] int NOT NULL,
    [next_attempt_at] datetime2 NULL,
    [lease_owner] nvarchar(200) NULL,
    [lease_until] datetime2 NULL,
    [completed_at] datetime2 NULL,
    CONSTRAINT [PK_notification_batches] PRIMARY KEY ([id]),
    CONSTRAINT [FK_notification_batches_dealers_dealer_id] FOREIGN KEY ([dealer_id]) REFERENCES [dealers] ([id]) ON DELETE CASCADE
);

CREATE INDEX [IX_notification_batches_completed_at] ON [notification_batches] ([completed_at]);

CREATE INDEX [IX_notification_batches_dealer_id] ON [notification_batches] ([dealer_id]);

ALTER TABLE [users] ADD [mfa_off_notice_batch_id] bigint NULL;

ALTER TABLE [users] ADD [mfa_on_notice_batch_id] bigint NULL;

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261202120000_NotificationBatches', N'<ef-version>');

COMMIT;
GO


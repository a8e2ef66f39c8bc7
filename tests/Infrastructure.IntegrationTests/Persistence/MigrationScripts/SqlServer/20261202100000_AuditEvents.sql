BEGIN TRANSACTION;
CREATE TABLE [audit_events] (
    [id] bigint NOT NULL IDENTITY,
    [dealer_id] bigint NULL,
    [occurred_at] datetime2 NOT NULL,
    [action] nvarchar(40) NOT NULL,
    [actor_type] int NOT NULL,
    [actor_id] bigint NULL,
    [actor_login] nvarchar(254) NULL,
    [ip] nvarchar(45) NULL,
    [target_type] int NULL,
    [target_ids] nvarchar(2200) NULL,
    [before_mfa_allowed] bit NULL,
    [before_mfa_factor_types] int NOT NULL,
    [after_mfa_allowed] bit NULL,
    [after_mfa_factor_types] int NOT NULL,
    [affected] int NULL,
    CONSTRAINT [PK_audit_events] PRIMARY KEY ([id])
);

CREATE TABLE [audit_event_users] (
    [dealer_id] bigint NOT NULL,
    [user_id] bigint NOT NULL,
    [event_id] bigint NOT NULL,
    CONSTRAINT [PK_audit_event_users] PRIMARY KEY ([dealer_id], [user_id], [event_id]),
    CONSTRAINT [FK_audit_event_users_audit_events_event_id] FOREIGN KEY ([event_id]) REFERENCES [audit_events] ([id]) ON DELETE CASCADE
);

CREATE INDEX [IX_audit_events_dealer_id_id] ON [audit_events] ([dealer_id], [id]);

CREATE INDEX [IX_audit_events_occurred_at] ON [audit_events] ([occurred_at]);

CREATE INDEX [IX_audit_event_users_event_id] ON [audit_event_users] ([event_id]);

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261202100000_AuditEvents', N'<ef-version>');

COMMIT;
GO


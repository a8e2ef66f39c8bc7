IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
CREATE TABLE [dealers] (
    [id] bigint NOT NULL IDENTITY,
    [name] nvarchar(200) NOT NULL,
    [blocked] bit NOT NULL,
    [created_at] datetime2 NOT NULL,
    [default_mfa_allowed] bit NULL,
    [default_mfa_factor_types] int NOT NULL,
    CONSTRAINT [PK_dealers] PRIMARY KEY ([id])
);

CREATE TABLE [login_failures] (
    [id] bigint NOT NULL IDENTITY,
    [scope] int NOT NULL,
    [login] nvarchar(254) NOT NULL,
    [occurred_at] datetime2 NOT NULL,
    CONSTRAINT [PK_login_failures] PRIMARY KEY ([id])
);

CREATE TABLE [panel_accounts] (
    [id] bigint NOT NULL IDENTITY,
    [dealer_id] bigint NOT NULL,
    [login] nvarchar(254) NOT NULL,
    [password_hash] nvarchar(200) NOT NULL,
    [permission_grants] nvarchar(1000) NOT NULL,
    [blocked] bit NOT NULL,
    [created_at] datetime2 NOT NULL,
    CONSTRAINT [PK_panel_accounts] PRIMARY KEY ([id]),
    CONSTRAINT [FK_panel_accounts_dealers_dealer_id] FOREIGN KEY ([dealer_id]) REFERENCES [dealers] ([id]) ON DELETE CASCADE
);

CREATE TABLE [users] (
    [id] bigint NOT NULL IDENTITY,
    [dealer_id] bigint NOT NULL,
    [master_id] bigint NULL,
    [login] nvarchar(254) NOT NULL,
    [login_key] nvarchar(254) NOT NULL,
    [password_hash] nvarchar(200) NOT NULL,
    [activated] bit NOT NULL,
    [verified] bit NOT NULL,
    [legal_type] int NOT NULL,
    [first_name] nvarchar(100) NOT NULL,
    [middle_name] nvarchar(100) NOT NULL,
    [last_name] nvarchar(100) NOT NULL,
    [legal_name] nvarchar(200) NOT NULL,
    [phone] nvarchar(20) NOT NULL,
    [post_country] nvarchar(100) NOT NULL,
    [post_region] nvarchar(100) NOT NULL,
    [post_city] nvarchar(100) NOT NULL,
    [post_street_address] nvarchar(200) NOT NULL,
    [post_index] nvarchar(20) NOT NULL,
    [locale] nvarchar(20) NOT NULL,
    [time_zone] nvarchar(64) NOT NULL,
    [comment] nvarchar(255) NOT NULL,
    [demo] bit NOT NULL,
    [created_at] datetime2 NOT NULL,
    [mfa_allowed] bit NULL,
    [mfa_factor_types] int NOT NULL,
    [mfa_updated_at] datetime2 NULL,
    CONSTRAINT [PK_users] PRIMARY KEY ([id]),
    CONSTRAINT [FK_users_dealers_dealer_id] FOREIGN KEY ([dealer_id]) REFERENCES [dealers] ([id]) ON DELETE CASCADE,
    CONSTRAINT [FK_users_users_master_id] FOREIGN KEY ([master_id]) REFERENCES [users] ([id]) ON DELETE NO ACTION
);

CREATE TABLE [panel_sessions] (
    [id] bigint NOT NULL IDENTITY,
    [token_digest] varbinary(32) NOT NULL,
    [account_id] bigint NOT NULL,
    [dealer_id] bigint NOT NULL,
    [created_at] datetime2 NOT NULL,
    [expires_at] datetime2 NOT NULL,
    CONSTRAINT [PK_panel_sessions] PRIMARY KEY ([id]),
    CONSTRAINT [FK_panel_sessions_panel_accounts_account_id] FOREIGN KEY ([account_id]) REFERENCES [panel_accounts] ([id]) ON DELETE CASCADE
);

CREATE TABLE [user_sessions] (
    [id] bigint NOT NULL IDENTITY,
    [token_digest] varbinary(32) NOT NULL,
    [user_id] bigint NOT NULL,
    [kind] int NOT NULL,
    [created_at] datetime2 NOT NULL,
    [last_used_at] datetime2 NOT NULL,
    [expires_at] datetime2 NOT NULL,
    [code_digest] varbinary(32) NULL,
    [code_expires_at] datetime2 NULL,
    [code_sent_at] datetime2 NULL,
    [send_count] int NOT NULL,
    [wrong_attempts] int NOT NULL,
    [wrong_attempts_at_issue] int NOT NULL,
    [version] int NOT NULL,
    CONSTRAINT [PK_user_sessions] PRIMARY KEY ([id]),
    CONSTRAINT [FK_user_sessions_users_user_id] FOREIGN KEY ([user_id]) REFERENCES [users] ([id]) ON DELETE CASCADE
);

CREATE INDEX [IX_login_failures_scope_login_occurred_at] ON [login_failures] ([scope], [login], [occurred_at]);

CREATE INDEX [IX_panel_accounts_dealer_id] ON [panel_accounts] ([dealer_id]);

CREATE UNIQUE INDEX [IX_panel_accounts_login] ON [panel_accounts] ([login]) WHERE [login] IS NOT NULL;

CREATE INDEX [IX_panel_sessions_account_id] ON [panel_sessions] ([account_id]);

CREATE INDEX [IX_panel_sessions_expires_at] ON [panel_sessions] ([expires_at]);

CREATE UNIQUE INDEX [IX_panel_sessions_token_digest] ON [panel_sessions] ([token_digest]) WHERE [token_digest] IS NOT NULL;

CREATE INDEX [IX_users_dealer_id_master_id] ON [users] ([dealer_id], [master_id]);

CREATE UNIQUE INDEX [IX_users_login_key] ON [users] ([login_key]) WHERE [login_key] IS NOT NULL;

CREATE INDEX [IX_users_master_id] ON [users] ([master_id]);

CREATE INDEX [IX_user_sessions_expires_at] ON [user_sessions] ([expires_at]);

CREATE UNIQUE INDEX [IX_user_sessions_token_digest] ON [user_sessions] ([token_digest]) WHERE [token_digest] IS NOT NULL;

CREATE INDEX [IX_user_sessions_user_id] ON [user_sessions] ([user_id]);

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261122120000_InitialSchema', N'<ef-version>');

COMMIT;
GO


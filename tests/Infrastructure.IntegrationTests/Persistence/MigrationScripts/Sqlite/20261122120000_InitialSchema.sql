CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "dealers" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_dealers" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "blocked" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "default_mfa_allowed" INTEGER NULL,
    "default_mfa_factor_types" INTEGER NOT NULL
);

CREATE TABLE "login_failures" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_login_failures" PRIMARY KEY AUTOINCREMENT,
    "scope" INTEGER NOT NULL,
    "login" TEXT NOT NULL,
    "occurred_at" TEXT NOT NULL
);

CREATE TABLE "panel_accounts" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_panel_accounts" PRIMARY KEY AUTOINCREMENT,
    "dealer_id" INTEGER NOT NULL,
    "login" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "permission_grants" TEXT NOT NULL,
    "blocked" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "FK_panel_accounts_dealers_dealer_id" FOREIGN KEY ("dealer_id") REFERENCES "dealers" ("id") ON DELETE CASCADE
);

CREATE TABLE "users" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_users" PRIMARY KEY AUTOINCREMENT,
    "dealer_id" INTEGER NOT NULL,
    "master_id" INTEGER NULL,
    "login" TEXT NOT NULL,
    "login_key" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "activated" INTEGER NOT NULL,
    "verified" INTEGER NOT NULL,
    "legal_type" INTEGER NOT NULL,
    "first_name" TEXT NOT NULL,
    "middle_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "legal_name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "post_country" TEXT NOT NULL,
    "post_region" TEXT NOT NULL,
    "post_city" TEXT NOT NULL,
    "post_street_address" TEXT NOT NULL,
    "post_index" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "comment" TEXT NOT NULL,
    "demo" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "mfa_allowed" INTEGER NULL,
    "mfa_factor_types" INTEGER NOT NULL,
    "mfa_updated_at" TEXT NULL,
    CONSTRAINT "FK_users_dealers_dealer_id" FOREIGN KEY ("dealer_id") REFERENCES "dealers" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_users_users_master_id" FOREIGN KEY ("master_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "panel_sessions" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_panel_sessions" PRIMARY KEY AUTOINCREMENT,
    "token_digest" BLOB NOT NULL,
    "account_id" INTEGER NOT NULL,
    "dealer_id" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    CONSTRAINT "FK_panel_sessions_panel_accounts_account_id" FOREIGN KEY ("account_id") REFERENCES "panel_accounts" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_sessions" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_user_sessions" PRIMARY KEY AUTOINCREMENT,
    "token_digest" BLOB NOT NULL,
    "user_id" INTEGER NOT NULL,
    "kind" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "last_used_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "code_digest" BLOB NULL,
    "code_expires_at" TEXT NULL,
    "code_sent_at" TEXT NULL,
    "send_count" INTEGER NOT NULL,
    "wrong_attempts" INTEGER NOT NULL,
    "wrong_attempts_at_issue" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_user_sessions_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX "IX_login_failures_scope_login_occurred_at" ON "login_failures" ("scope", "login", "occurred_at");

CREATE INDEX "IX_panel_accounts_dealer_id" ON "panel_accounts" ("dealer_id");

CREATE UNIQUE INDEX "IX_panel_accounts_login" ON "panel_accounts" ("login");

CREATE INDEX "IX_panel_sessions_account_id" ON "panel_sessions" ("account_id");

CREATE INDEX "IX_panel_sessions_expires_at" ON "panel_sessions" ("expires_at");

CREATE UNIQUE INDEX "IX_panel_sessions_token_digest" ON "panel_sessions" ("token_digest");

CREATE INDEX "IX_users_dealer_id_master_id" ON "users" ("dealer_id", "master_id");

CREATE UNIQUE INDEX "IX_users_login_key" ON "users" ("login_key");

CREATE INDEX "IX_users_master_id" ON "users" ("master_id");

CREATE INDEX "IX_user_sessions_expires_at" ON "user_sessions" ("expires_at");

CREATE UNIQUE INDEX "IX_user_sessions_token_digest" ON "user_sessions" ("token_digest");

CREATE INDEX "IX_user_sessions_user_id" ON "user_sessions" ("user_id");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122120000_InitialSchema', '<ef-version>');

COMMIT;


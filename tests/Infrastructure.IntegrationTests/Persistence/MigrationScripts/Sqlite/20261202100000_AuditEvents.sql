BEGIN TRANSACTION;
CREATE TABLE "audit_events" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_audit_events" PRIMARY KEY AUTOINCREMENT,
    "dealer_id" INTEGER NULL,
    "occurred_at" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "actor_type" INTEGER NOT NULL,
    "actor_id" INTEGER NULL,
    "actor_login" TEXT NULL,
    "ip" TEXT NULL,
    "target_type" INTEGER NULL,
    "target_ids" TEXT NULL,
    "before_mfa_allowed" INTEGER NULL,
    "before_mfa_factor_types" INTEGER NOT NULL,
    "after_mfa_allowed" INTEGER NULL,
    "after_mfa_factor_types" INTEGER NOT NULL,
    "affected" INTEGER NULL
);

CREATE TABLE "audit_event_users" (
    "dealer_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "event_id" INTEGER NOT NULL,
    CONSTRAINT "PK_audit_event_users" PRIMARY KEY ("dealer_id", "user_id", "event_id"),
    CONSTRAINT "FK_audit_event_users_audit_events_event_id" FOREIGN KEY ("event_id") REFERENCES "audit_events" ("id") ON DELETE CASCADE
);

CREATE INDEX "IX_audit_events_dealer_id_id" ON "audit_events" ("dealer_id", "id");

CREATE INDEX "IX_audit_events_occurred_at" ON "audit_events" ("occurred_at");

CREATE INDEX "IX_audit_event_users_event_id" ON "audit_event_users" ("event_id");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202100000_AuditEvents', '<ef-version>');

COMMIT;


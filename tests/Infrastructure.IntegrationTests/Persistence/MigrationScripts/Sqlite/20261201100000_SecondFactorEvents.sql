BEGIN TRANSACTION;
CREATE TABLE "second_factor_events" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_second_factor_events" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "kind" INTEGER NOT NULL,
    "occurred_at" TEXT NOT NULL,
    CONSTRAINT "FK_second_factor_events_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX "IX_second_factor_events_user_id_kind_occurred_at" ON "second_factor_events" ("user_id", "kind", "occurred_at");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201100000_SecondFactorEvents', '<ef-version>');

COMMIT;


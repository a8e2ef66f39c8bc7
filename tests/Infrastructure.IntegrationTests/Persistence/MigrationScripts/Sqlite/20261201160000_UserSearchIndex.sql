BEGIN TRANSACTION;
DROP INDEX "IX_users_dealer_id_master_id";

CREATE INDEX "IX_users_dealer_id_master_id_id" ON "users" ("dealer_id", "master_id", "id");

CREATE INDEX "IX_users_dealer_id_master_id_login_key_id" ON "users" ("dealer_id", "master_id", "login_key", "id");

CREATE INDEX "IX_users_dealer_id_master_id_last_name_id" ON "users" ("dealer_id", "master_id", "last_name", "id");

CREATE VIRTUAL TABLE users_search USING fts5(login_key, first_name, middle_name, last_name, legal_name, phone, content='users', content_rowid='id', tokenize='trigram case_sensitive 0');

CREATE TRIGGER users_search_insert AFTER INSERT ON users BEGIN INSERT INTO users_search(rowid, login_key, first_name, middle_name, last_name, legal_name, phone) VALUES (new.id, new.login_key, new.first_name, new.middle_name, new.last_name, new.legal_name, new.phone); END;

CREATE TRIGGER users_search_delete AFTER DELETE ON users BEGIN INSERT INTO users_search(users_search, rowid, login_key, first_name, middle_name, last_name, legal_name, phone) VALUES ('delete', old.id, old.login_key, old.first_name, old.middle_name, old.last_name, old.legal_name, old.phone); END;

CREATE TRIGGER users_search_update AFTER UPDATE OF login_key, first_name, middle_name, last_name, legal_name, phone ON users BEGIN INSERT INTO users_search(users_search, rowid, login_key, first_name, middle_name, last_name, legal_name, phone) VALUES ('delete', old.id, old.login_key, old.first_name, old.middle_name, old.last_name, old.legal_name, old.phone); INSERT INTO users_search(rowid, login_key, first_name, middle_name, last_name, legal_name, phone) VALUES (new.id, new.login_key, new.first_name, new.middle_name, new.last_name, new.legal_name, new.phone); END;

INSERT INTO users_search(users_search) VALUES ('rebuild');

CREATE TABLE users_search_counts (dealer_id bigint NOT NULL PRIMARY KEY, masters bigint NOT NULL);

INSERT INTO users_search_counts (dealer_id, masters) SELECT dealer_id, count(*) FROM users WHERE master_id IS NULL GROUP BY dealer_id;

CREATE TRIGGER users_search_count_insert AFTER INSERT ON users BEGIN INSERT INTO users_search_counts (dealer_id, masters) SELECT new.dealer_id, 1 WHERE new.master_id IS NULL ON CONFLICT (dealer_id) DO UPDATE SET masters = masters + 1; END;

CREATE TRIGGER users_search_count_delete AFTER DELETE ON users WHEN old.master_id IS NULL BEGIN UPDATE users_search_counts SET masters = masters - 1 WHERE dealer_id = old.dealer_id; END;

CREATE TRIGGER users_search_count_update AFTER UPDATE OF dealer_id, master_id ON users BEGIN UPDATE users_search_counts SET masters = masters - 1 WHERE dealer_id = old.dealer_id AND old.master_id IS NULL; INSERT INTO users_search_counts (dealer_id, masters) SELECT new.dealer_id, 1 WHERE new.master_id IS NULL ON CONFLICT (dealer_id) DO UPDATE SET masters = masters + 1; END;

ANALYZE;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201160000_UserSearchIndex', '<ef-version>');

COMMIT;


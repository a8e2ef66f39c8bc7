BEGIN TRANSACTION;
CREATE TABLE users_search_deferred (id INTEGER PRIMARY KEY);

DROP TRIGGER users_search_insert;

CREATE TRIGGER users_search_insert AFTER INSERT ON users WHEN NOT EXISTS (SELECT 1 FROM users_search_deferred) BEGIN INSERT INTO users_search(rowid, login_key, first_name, middle_name, last_name, legal_name, phone) VALUES (new.id, new.login_key, new.first_name, new.middle_name, new.last_name, new.legal_name, new.phone); END;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202170000_BulkSearchEntries', '<ef-version>');

COMMIT;


START TRANSACTION;
DROP INDEX "IX_users_dealer_id_master_id";

CREATE INDEX "IX_users_dealer_id_master_id_id" ON users (dealer_id, master_id, id);

CREATE INDEX "IX_users_dealer_id_master_id_login_key_id" ON users (dealer_id, master_id, login_key, id);

CREATE INDEX "IX_users_dealer_id_master_id_last_name_id" ON users (dealer_id, master_id, last_name, id);

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX users_search_trgm ON users USING gin ((login_key || E'\n' || lower(first_name) || E'\n' || lower(middle_name) || E'\n' || lower(last_name) || E'\n' || lower(legal_name) || E'\n' || phone) gin_trgm_ops);

CREATE TABLE users_search_counts (dealer_id bigint NOT NULL PRIMARY KEY, masters bigint NOT NULL);

INSERT INTO users_search_counts (dealer_id, masters) SELECT dealer_id, count(*) FROM users WHERE master_id IS NULL GROUP BY dealer_id;

CREATE FUNCTION users_search_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO users_search_counts AS c (dealer_id, masters)
      SELECT dealer_id, count(*) FROM new_rows WHERE master_id IS NULL GROUP BY dealer_id
      ON CONFLICT (dealer_id) DO UPDATE SET masters = c.masters + excluded.masters;
  ELSE
    UPDATE users_search_counts AS c SET masters = c.masters - o.n
      FROM (SELECT dealer_id, count(*) AS n FROM old_rows WHERE master_id IS NULL GROUP BY dealer_id) AS o
      WHERE c.dealer_id = o.dealer_id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER users_search_count_insert AFTER INSERT ON users REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION users_search_count();

CREATE TRIGGER users_search_count_delete AFTER DELETE ON users REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION users_search_count();

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201160000_UserSearchIndex', '<ef-version>');

COMMIT;


# Sourced by scripts/test.sh and benchmarks/run.sh: starts a throwaway PostgreSQL cluster on a free loopback
# port under $1 (a fresh folder), stopped and removed by stop_postgres. Sets pgbin, pgdata, pgport.
# Settings trade durability for speed (fsync off): for tests and benchmarks only.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() {
  local work=$1 extra=${2:-}
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pgdata="$work/pg"
  pgport=$(free_port)
  chmod 755 "$work"
  mkdir -p "$pgdata" && [ "$(id -u)" = 0 ] && chown postgres "$pgdata" "$work"
  as_pg "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log"; echo "initdb failed" >&2; return 2; }
  as_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$work/pg.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $pgport -k $work -c fsync=off -c synchronous_commit=off -c full_page_writes=off $extra" \
    start >/dev/null || { cat "$work/pg.log"; echo "PostgreSQL did not start" >&2; return 2; }
}

stop_postgres() {
  [ -n "${pgdata:-}" ] && as_pg "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1
  return 0
}

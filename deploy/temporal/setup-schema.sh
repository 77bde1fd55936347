#!/bin/sh
# One-shot job (temporalio/admin-tools): creates Temporal's two MySQL databases if missing and
# brings their schemas to the version this admin-tools release ships. Every step is idempotent,
# so the job runs on each `docker compose up` and doubles as the schema upgrade after a version
# bump of the Temporal images. It also hands the `temporal` CLI to the server's health check
# (the server image has none).
set -eu

: "${MYSQL_SEEDS:?}" "${DB_PORT:?}" "${MYSQL_USER:?}" "${MYSQL_PWD:?}"
: "${DBNAME:=temporal}" "${VISIBILITY_DBNAME:=temporal_visibility}"
SCHEMA_DIR=/etc/temporal/schema/mysql/v8
# The tool reads its password from SQL_PASSWORD (kept off the command line).
export SQL_PASSWORD="$MYSQL_PWD"

sql_tool() {
  temporal-sql-tool --plugin mysql8 --ep "$MYSQL_SEEDS" -p "$DB_PORT" -u "$MYSQL_USER" "$@"
}

# setup-schema -v 0.0 only adds the version tables (and leaves a newer version alone);
# update-schema then applies every versioned step the database has not seen yet.
setup() {
  database="$1"
  versioned="$2"
  echo "temporal-setup: schema of ${database} from ${versioned}"
  sql_tool --db "$database" create
  sql_tool --db "$database" setup-schema -v 0.0
  sql_tool --db "$database" update-schema -d "$versioned"
}

setup "$DBNAME" "$SCHEMA_DIR/temporal/versioned"
setup "$VISIBILITY_DBNAME" "$SCHEMA_DIR/visibility/versioned"

if [ -n "${CLI_EXPORT_DIR:-}" ]; then
  cp -f /usr/local/bin/temporal "$CLI_EXPORT_DIR/temporal"
  chmod 755 "$CLI_EXPORT_DIR/temporal"
fi
echo "temporal-setup: done"

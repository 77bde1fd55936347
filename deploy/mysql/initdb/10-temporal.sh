#!/bin/bash
# Temporal's own databases and the account the Temporal server and its schema job use.
# The mysql image runs this once, on the first start with an empty data volume; it *sources*
# the file (keep it not executable), so docker_process_sql is at hand and no `set -u` may be
# left behind. The service's database and account come from MYSQL_DATABASE / MYSQL_USER.
docker_process_sql --database=mysql <<-EOSQL
	CREATE DATABASE IF NOT EXISTS \`temporal\` CHARACTER SET utf8mb4;
	CREATE DATABASE IF NOT EXISTS \`temporal_visibility\` CHARACTER SET utf8mb4;
	CREATE USER IF NOT EXISTS '${TEMPORAL_DB_USER}'@'%' IDENTIFIED BY '${TEMPORAL_DB_PASSWORD}';
	GRANT ALL PRIVILEGES ON \`temporal\`.* TO '${TEMPORAL_DB_USER}'@'%';
	GRANT ALL PRIVILEGES ON \`temporal\_visibility\`.* TO '${TEMPORAL_DB_USER}'@'%';
EOSQL

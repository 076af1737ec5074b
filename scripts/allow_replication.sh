#!/usr/bin/env bash
# Lets the local PostgreSQL cluster's superuser make a streaming copy of it
# over the local socket (pg_basebackup, then the standby's WAL receiver):
# the read-replica test (tests/portal/test_replica.py) starts such a copy.
# Adds one line to the cluster's pg_hba.conf, "local replication postgres
# peer", unless a rule already lets replication connections in over the
# local socket, and reloads the configuration. Run it as root; running it
# again changes nothing. Usage: scripts/allow_replication.sh [port] (default 5432)
set -euo pipefail
port=${1:-5432}

psql_admin() { runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -Atq "$@"; }

allowed=$(psql_admin -c "SELECT 1 FROM pg_hba_file_rules
    WHERE type = 'local' AND 'replication' = ANY(database) AND error IS NULL LIMIT 1")
if [ -n "$allowed" ]; then
    exit 0
fi
hba=$(psql_admin -c "SHOW hba_file")
printf '\n# Streaming copies by the superuser over the local socket (scripts/allow_replication.sh).\nlocal replication postgres peer\n' >>"$hba"
psql_admin -c "SELECT pg_reload_conf()" >/dev/null
echo "Replication over the local socket allowed in $hba"

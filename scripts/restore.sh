#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into the PostgreSQL database in
# DATABASE_URL (which must exist; what it holds of the portal is replaced),
# and, if given, the uploads archive into MEDIA_ROOT and the private documents'
# archive into PRIVATE_MEDIA_ROOT.
# Usage: scripts/restore.sh portal-<stamp>.dump [media-<stamp>.tar.gz [private-<stamp>.tar.gz]]
set -euo pipefail

: "${DATABASE_URL:?Set DATABASE_URL to the PostgreSQL database to restore into}"
dump=${1:?Give the .dump file written by scripts/backup.sh}
archive=${2:-}
private_archive=${3:-}

# One transaction: a restore that fails half-way leaves the database as it was.
pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error \
  --dbname "$DATABASE_URL" "$dump"

if [ -n "$archive" ]; then
  media=${MEDIA_ROOT:-media}
  mkdir -p "$media"
  tar -C "$media" -xzf "$archive"
fi
if [ -n "$private_archive" ]; then
  private=${PRIVATE_MEDIA_ROOT:-private}
  mkdir -p "$private"
  tar -C "$private" -xzf "$private_archive"
fi
echo "Restored $dump${archive:+ and $archive}${private_archive:+ and $private_archive}"

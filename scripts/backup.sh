#!/usr/bin/env bash
# Back up the portal: the PostgreSQL database in DATABASE_URL (pg_dump's custom
# format, which pg_restore reads selectively and in parallel) and the uploads
# in MEDIA_ROOT, and the documents participants attached to registrations in
# PRIVATE_MEDIA_ROOT, each as its own archive. Usage: scripts/backup.sh [directory]   (default: backups/)
# Prints the paths of the files it wrote. With object storage
# (AWS_STORAGE_BUCKET_NAME) the uploads are in the buckets, not on this disk:
# the storage keeps them (turn on the buckets' versioning or replication).
set -euo pipefail

: "${DATABASE_URL:?Set DATABASE_URL to the PostgreSQL database to back up}"
case "$DATABASE_URL" in
  postgres://*|postgresql://*) ;;
  *) echo "DATABASE_URL is not a PostgreSQL database: $DATABASE_URL" >&2; exit 2 ;;
esac

directory=${1:-backups}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$directory"

dump="$directory/portal-$stamp.dump"
# --no-owner: the restore may run as another role on another server.
pg_dump --format=custom --no-owner --file "$dump" "$DATABASE_URL"
echo "$dump"

media=${MEDIA_ROOT:-media}
if [ -d "$media" ]; then
  archive="$directory/media-$stamp.tar.gz"
  tar -C "$media" -czf "$archive" .
  echo "$archive"
fi

private=${PRIVATE_MEDIA_ROOT:-private}
if [ -d "$private" ]; then
  archive="$directory/private-$stamp.tar.gz"
  tar -C "$private" -czf "$archive" .
  echo "$archive"
fi

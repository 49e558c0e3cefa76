#!/usr/bin/env bash
# usage: measure.sh H2_JAR DB_FILE_WITHOUT_.mv.db ORDERS LABEL
# After a clean shutdown: the file's bytes per order, the same for a fully compacted copy (its data alone), and the
# space each table holds (H2's DISK_SPACE_USED, its
# indexes included) per order, grouped as events / read models / idempotency answers / other. Prints TSV rows:
# LABEL <tab> group <tab> bytes per order
set -euo pipefail
h2=$1 db=$2 orders=$3 label=$4
file_bytes=$(stat -c %s "$db.mv.db")
printf '%s\tfile\t%d\n' "$label" $((file_bytes / orders))
# the data alone: a copy of the file compacted to its live pages
copy=$(mktemp -d)
cp "$db.mv.db" "$copy/copy.mv.db"
java -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$copy/copy" -user sa -password "" -sql "SHUTDOWN COMPACT" > /dev/null 2>&1 || true
printf '%s\tdata\t%d\n' "$label" $(( $(stat -c %s "$copy/copy.mv.db") / orders ))
rm -rf "$copy"
java -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$db;ACCESS_MODE_DATA=r" -user sa -password "" \
  -sql "select table_name, disk_space_used('PUBLIC.\"' || table_name || '\"') from information_schema.tables where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'" \
  | awk -F'|' -v label="$label" -v orders="$orders" '
      NR > 1 && NF >= 2 {
        t = tolower($1); gsub(/ /, "", t); b = $2 + 0
        if (t ~ /^(domain_event_entry|snapshot_event_entry)$/) g = "events"
        else if (t ~ /^(order_summary|order_detail|order_detail_item|timeline_entry)$/) g = "read models"
        else if (t ~ /^(orders|payments)$/) g = "state"
        else if (t ~ /idempotency/) g = "idempotency answers"
        else g = "other"
        sum[g] += b
      }
      END { for (g in sum) printf "%s\t%s\t%d\n", label, g, sum[g] / orders }'

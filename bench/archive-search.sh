#!/usr/bin/env bash
# Archive search at a million messages (docs/benchmarks.md): writes 1,000,000 synthetic posts into one list
# of a scratch MariaDB database with the archive table and indexes Flyway makes (V3, V8, V14, V16), then
# runs the search the archive pages run (ArchiveReader.search: newest-first scan, then full-text; ADR 0052)
# for 300 queries of one, two and three words, rare and common, and prints the median and p95.
# STRATEGY=fulltext measures the full-text statement alone (as before V16).
# Needs the local MariaDB (root, no password, 127.0.0.1:3306), python3 with numpy, and Maven offline.
# BENCH_DB names the scratch database (dropped at the end unless KEEP=1); N the number of posts.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${BENCH_DB:-quire_bench_archive}
n=${N:-1000000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; [ "${KEEP:-0}" = 1 ] || mariadb -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS $db"' EXIT
sql() { mariadb -uroot -h127.0.0.1 --local-infile=1 "$db" -e "$1"; }

echo "== writing $n posts"
python3 bench/archive-search-data.py "$n" "$tmp/archive.tsv" "$tmp/vocab.txt"
mariadb -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
# the archived_message table as V3 creates it (the list's row is left out: no foreign key)
sql "CREATE TABLE archived_message (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, list_id BIGINT NOT NULL, message_id VARCHAR(998) NOT NULL,
    message_id_hash BINARY(32) NOT NULL, in_reply_to VARCHAR(998) NULL, thread_id BIGINT NULL,
    parent_id BIGINT NULL, sender VARCHAR(254) NULL, sender_name VARCHAR(200) NULL, subject VARCHAR(998) NULL,
    sent_at TIMESTAMP(6) NULL, archived_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    body_text MEDIUMTEXT NULL, raw LONGBLOB NOT NULL,
    CONSTRAINT uq_archived_message UNIQUE (list_id, message_id_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci"
start=$(date +%s)
sql "LOAD DATA LOCAL INFILE '$tmp/archive.tsv' INTO TABLE archived_message
     (id, list_id, message_id, @hash, thread_id, sender, subject, @sent, body_text)
     SET message_id_hash = UNHEX(@hash), sent_at = FROM_UNIXTIME(@sent), archived_at = FROM_UNIXTIME(@sent),
         raw = CONCAT('Subject: ', subject, '\r\n\r\n', body_text)"
echo "loaded in $(( $(date +%s) - start )) s"
start=$(date +%s)
sql "CREATE INDEX ix_archived_thread ON archived_message (list_id, thread_id, id);
     CREATE INDEX ix_archived_date ON archived_message (list_id, archived_at);
     CREATE INDEX ix_archived_in_reply_to ON archived_message (list_id, in_reply_to(255));
     CREATE INDEX ix_archived_dates ON archived_message (list_id, sent_at, archived_at);
     CREATE FULLTEXT INDEX ft_archived_text ON archived_message (subject, body_text);
     ANALYZE TABLE archived_message"
echo "indexed in $(( $(date +%s) - start )) s"
# V16: the scan's index and the posts per month, back-filled as the migration does
start=$(date +%s)
sql "CREATE TABLE archive_month (list_id BIGINT NOT NULL, year SMALLINT NOT NULL, month TINYINT NOT NULL,
         posts BIGINT NOT NULL, PRIMARY KEY (list_id, year, month)) ENGINE = InnoDB;
     INSERT INTO archive_month (list_id, year, month, posts) SELECT list_id, YEAR(d), MONTH(d), COUNT(*)
       FROM (SELECT list_id, TIMESTAMPADD(SECOND, UNIX_TIMESTAMP(COALESCE(sent_at, archived_at)), '1970-01-01') AS d
             FROM archived_message) a GROUP BY list_id, YEAR(d), MONTH(d);
     CREATE INDEX ix_archived_list_id ON archived_message (list_id, id)"
echo "V16 (archive_month back-fill, ix_archived_list_id) in $(( $(date +%s) - start )) s"
sql "SELECT COUNT(*) AS posts, ROUND(SUM(LENGTH(body_text)) / COUNT(*)) AS avg_text_bytes FROM archived_message"

echo "== searching"
mvn -B -ntp -q -o -pl lists-war -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$tmp/cp" >/dev/null
java -Dstrategy="${STRATEGY:-hybrid}" -cp "lists-war/target/classes:lists-war/target/test-classes:db/target/classes:$(cat "$tmp/cp")" \
  dev.quire.lists.archive.search.ArchiveSearchBenchmark "jdbc:mariadb://127.0.0.1:3306/$db?user=root" "$tmp/vocab.txt"

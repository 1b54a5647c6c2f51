#!/usr/bin/env bash
# List fan-out, Quire against GNU Mailman 3 on the same machine: one post of ~4 KB to a list of MEMBERS
# members, timed from the hand-over of the post until the last copy is counted at Postfix's smtp-sink.
#   plain:         one copy for all members (Mailman: SMTP to Postfix, which relays; Quire: one hand-off to
#                  its MTA, which relays);
#   personalized:  one copy per member with a VERP envelope sender (Mailman: personalize=individual,
#                  verp_personalized_deliveries; Quire: personalize=true);
#   +dkim:         Quire only: the same with DKIM signing and ARC sealing per copy (Mailman signs nothing).
# Mailman runs from Debian's mailman3 package with its own configuration, var directory and SQLite database
# under the work directory, behind a private Postfix instance (postfix -c), so neither the system Postfix
# nor another Mailman set-up is touched. Needs root, mailman3 and postfix installed (see
# docs/benchmarks.md), a built distribution (cli/target/quire) and the MariaDB test account.
# Usage: bench/fanout.sh [mailman|quire|all]   (MEMBERS=10000 RUNS=1 QUIRE_JAVA_OPTIONS="-Xmx1g -XX:+UseSerialGC"
# DKIM=0 skips Quire's +DKIM/ARC runs)
set -euo pipefail
cd "$(dirname "$0")/.."
WHAT=${1:-all}
MEMBERS=${MEMBERS:-10000}
RUNS=${RUNS:-1}
# the full JIT (C2): the launcher's default -XX:TieredStopAtLevel=1 starts faster but makes RSA signing ~7x slower
QUIRE_JAVA_OPTIONS=${QUIRE_JAVA_OPTIONS:--Xmx1g -XX:+UseSerialGC}
WORK=$(mktemp -d /tmp/quire-fanout.XXXXXX)
chmod 755 "$WORK"
PF_PORT=21025; SINK=21026; Q_PORT=21027; MM_LMTP=21124; MM_REST=21101
QUIRE=cli/target/quire/bin/quire
DB=quire_bench_fanout
PF="$WORK/postfix"

now() { date +%s.%N; }
body() { # ~4 KB of text
  for i in $(seq 1 50); do echo "Line $i of the benchmark post, long enough to make about four kilobytes."; done
}
sink() { # one sink for the whole run: -c counts transactions, -d dumps them so recipients can be counted
  mkdir -p "$WORK/sink"
  chown postfix "$WORK/sink"
  /usr/sbin/smtp-sink -u postfix -c -d "$WORK/sink/%H%M%S." 127.0.0.1:$SINK 1024 >"$WORK/sink.count" 2>&1 &
  SINK_PID=$!
}
transactions() { tr '\r' '\n' <"$WORK/sink.count" | grep -Eo '[0-9]+' | tail -1 || echo 0; }
recipients_since() { # marker file: recipients in transactions dumped after it
  find "$WORK/sink" -type f -newer "$1" -print0 | xargs -0 -r cat | grep -c '^X-Rcpt-Args:' || true
}
wait_copies() { # mode marker transactions-before timeout: plain copies are recipients, personalized ones transactions
  local end=$(( $(date +%s) + $4 )) n=0
  while [ "$(date +%s)" -lt "$end" ]; do
    if [ "$1" = plain ]; then n=$(recipients_since "$2"); else n=$(( $(transactions) - $3 )); fi
    [ "$n" -ge "$MEMBERS" ] && return 0
    sleep 0.2
  done
  echo "timeout: $n of $MEMBERS copies" >&2
  return 1
}
start_clock() { # tag: sets MARK, BEFORE and T0
  MARK="$WORK/mark.$1"; touch "$MARK"; BEFORE=$(transactions); sleep 1; T0=$(now)
}
post() { # from to
  printf 'From: %s\r\nTo: %s\r\nSubject: fan-out %s\r\nMessage-ID: <%s@bench.test>\r\nDate: %s\r\n\r\n' \
    "$1" "$2" "$RANDOM" "$(date +%s%N)" "$(date -R)"
  body | sed 's/$/\r/'
}

private_postfix() {
  mkdir -p "$PF" "$WORK/pf-queue" "$WORK/pf-data"
  cp /etc/postfix/master.cf /etc/postfix/dynamicmaps.cf /etc/postfix/postfix-files /etc/postfix/postfix-script \
    /etc/postfix/post-install "$PF"/
  cp -r /etc/postfix/postfix-files.d /etc/postfix/dynamicmaps.cf.d "$PF"/ 2>/dev/null || true
  touch "$PF/main.cf"
  postconf -c "$PF" -e "compatibility_level = 3.6" "myhostname = postfix-fanout.localdomain" \
    "queue_directory = $WORK/pf-queue" "data_directory = $WORK/pf-data" "syslog_name = postfix-fanout" \
    "inet_interfaces = loopback-only" "mydestination =" "relayhost = [127.0.0.1]:$SINK" \
    "mynetworks = 127.0.0.0/8" "smtpd_relay_restrictions = permit_mynetworks, reject" \
    "smtpd_recipient_limit = 1000" "default_process_limit = 100" "smtp_destination_concurrency_limit = 20" \
    "maillog_file = $WORK/postfix.log" "maillog_file_prefixes = /var, /tmp" "alternate_config_directories = $PF"
  postconf -c "$PF" -M "postlog/unix-dgram=postlog unix-dgram n - n - 1 postlogd"
  postconf -c "$PF" -M "smtp/inet=$PF_PORT inet n - n - - smtpd"
  grep -q "^alternate_config_directories" /etc/postfix/main.cf 2>/dev/null \
    || { touch /etc/postfix/main.cf; postconf -e "alternate_config_directories = $PF"; }
  postconf -e "alternate_config_directories = $PF"
  chown postfix "$WORK/pf-data"
  postfix -c "$PF" start
}

mailman_setup() {
  MM="$WORK/mm"
  mkdir -p "$MM"
  chown -R list:list "$MM" 2>/dev/null || true
  cat >"$WORK/mailman.cfg" <<CFG
[mailman]
site_owner: owner@bench.test
layout: bench
[paths.bench]
var_dir: $MM
queue_dir: \$var_dir/queue
bin_dir: /usr/lib/mailman3/bin
list_data_dir: \$var_dir/lists
log_dir: \$var_dir/logs
lock_dir: \$var_dir/locks
data_dir: \$var_dir/data
cache_dir: \$var_dir/cache
etc_dir: \$var_dir/etc
ext_dir: \$var_dir/ext
messages_dir: \$var_dir/messages
archive_dir: \$var_dir/archives
template_dir: \$var_dir/templates
pid_file: \$var_dir/master.pid
lock_file: \$lock_dir/master.lck
[webservice]
port: $MM_REST
[mta]
incoming: mailman.mta.null.NullMTA
outgoing: mailman.mta.deliver.deliver
smtp_host: 127.0.0.1
smtp_port: $PF_PORT
lmtp_host: 127.0.0.1
lmtp_port: $MM_LMTP
max_recipients: 500
verp_personalized_deliveries: yes
CFG
  MMC=(mailman --run-as-root -C "$WORK/mailman.cfg")
  "${MMC[@]}" create -q bench@bench.test >/dev/null
  seq 1 "$MEMBERS" | awk '{print "m" $1 "@bench" ($1 % 50) ".test"}' >"$WORK/members.txt"
  "${MMC[@]}" addmembers --no-welcome-msg "$WORK/members.txt" bench@bench.test >/dev/null
  "${MMC[@]}" create -q warm@bench.test >/dev/null
  echo m1@bench1.test | "${MMC[@]}" addmembers --no-welcome-msg - warm@bench.test >/dev/null
  cat >"$WORK/mmsettings.py" <<'PY'
from mailman.config import config
from mailman.interfaces.action import Action
from mailman.interfaces.mailinglist import Personalization


def plain(mlist):
    mlist.personalize = Personalization.none
    mlist.default_member_action = Action.accept
    config.db.commit()


def personalized(mlist):
    mlist.personalize = Personalization.individual
    mlist.default_member_action = Action.accept
    config.db.commit()
PY
}
mailman_run() { # plain|personalized run -> prints seconds
  PYTHONPATH="$WORK" "${MMC[@]}" shell -l bench@bench.test -r "mmsettings.$1" >/dev/null
  post m1@bench1.test bench@bench.test >"$WORK/post.eml"
  start_clock "mm-$1-$2"
  "${MMC[@]}" inject -f "$WORK/post.eml" bench@bench.test
  wait_copies "$1" "$MARK" "$BEFORE" 1800
  echo "$(now) - $T0" | bc
}

quire_setup() {
  mariadb -h127.0.0.1 -uquire_test -pquire_test -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/dkim.pem" 2>/dev/null
  cat >"$WORK/quire.properties" <<PROPS
quire.data.dir=$WORK/var
quire.db.url=jdbc:mariadb://127.0.0.1:3306/$DB
quire.db.user=quire_test
quire.db.password=quire_test
quire.hostname=quire-fanout.localdomain
quire.smtp.port=$Q_PORT
quire.submission.port=-1
quire.smtps.port=-1
quire.internal.port=21029
quire.lmtp.port=21030
quire.http.port=21031
quire.smarthost=127.0.0.1:$SINK
quire.dmarc.static=$WORK/dmarc.txt
quire.java.options=$QUIRE_JAVA_OPTIONS
PROPS
  echo "# no DMARC records: no lookups leave the machine" >"$WORK/dmarc.txt"
}
quire_start() { # [dkim]
  cp "$WORK/quire.properties" "$WORK/quire-run.properties"
  if [ "${1:-}" = dkim ]; then
    echo "quire.dkim.lists.example.test.key=$WORK/dkim.pem" >>"$WORK/quire-run.properties"
  fi
  "$QUIRE" run --demo --config "$WORK/quire-run.properties" >"$WORK/quire.out" 2>&1 &
  QPID=$!
  until grep -q "Quire is running" "$WORK/quire.out"; do sleep 0.5; kill -0 $QPID || { cat "$WORK/quire.out"; exit 1; }; done
  # warm-up on the demo's three members (carol's copy reaches the sink), plain then personalized
  mariadb -h127.0.0.1 -uquire_test -pquire_test "$DB" -e "
    DELETE FROM member WHERE list_id = (SELECT id FROM mailing_list WHERE name = 'demo');
    INSERT INTO member (list_id, address, role) SELECT id, 'carol@remote.test', 'MEMBER' FROM mailing_list WHERE name = 'demo';
    INSERT INTO member (list_id, address, role) SELECT id, 'm1@bench1.test', 'MEMBER' FROM mailing_list WHERE name = 'demo';"
  for personalize in FALSE TRUE; do
    mariadb -h127.0.0.1 -uquire_test -pquire_test "$DB" -e "UPDATE mailing_list SET personalize = $personalize WHERE name = 'demo'"
    before=$(transactions)
    post m1@bench1.test demo@lists.example.test >"$WORK/warm.eml"
    swaks --silent 2 --server 127.0.0.1:$Q_PORT --from m1@bench1.test --to demo@lists.example.test --data @"$WORK/warm.eml" >/dev/null
    until [ "$(transactions)" -gt "$before" ]; do sleep 0.5; done
  done
  sleep 3
  mariadb -h127.0.0.1 -uquire_test -pquire_test "$DB" -e "
    DELETE FROM member WHERE list_id = (SELECT id FROM mailing_list WHERE name = 'demo');
    INSERT INTO member (list_id, address, role)
      SELECT (SELECT id FROM mailing_list WHERE name = 'demo'), CONCAT('m', seq, '@bench', seq % 50, '.test'), 'MEMBER'
      FROM seq_1_to_$MEMBERS;"
}
quire_stop() { kill $QPID; wait $QPID || true; }
quire_run() { # plain|personalized run -> prints seconds
  mariadb -h127.0.0.1 -uquire_test -pquire_test "$DB" -e "UPDATE mailing_list SET personalize = $( [ "$1" = personalized ] && echo TRUE || echo FALSE ) WHERE name = 'demo'"
  post m1@bench1.test demo@lists.example.test >"$WORK/post.eml"
  start_clock "q-$1-$2"
  swaks --silent 2 --server 127.0.0.1:$Q_PORT --from m1@bench1.test --to demo@lists.example.test --data @"$WORK/post.eml" >/dev/null
  wait_copies "$1" "$MARK" "$BEFORE" 1800
  echo "$(now) - $T0" | bc
}

echo "load before: $(uptime)"
sink
private_postfix
cleanup() {
  [ -n "${QPID:-}" ] && kill "$QPID" 2>/dev/null || true
  [ -n "${SINK_PID:-}" ] && kill "$SINK_PID" 2>/dev/null || true
  [ -n "${MMC:-}" ] && "${MMC[@]}" stop >/dev/null 2>&1 || true
  postfix -c "$PF" stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM
declare -A T
if [ "$WHAT" = mailman ] || [ "$WHAT" = all ]; then
  mailman_setup
  "${MMC[@]}" start >/dev/null
  # warm-up: runners up and their code loaded before the clock runs
  PYTHONPATH="$WORK" "${MMC[@]}" shell -l warm@bench.test -r mmsettings.plain >/dev/null
  post m1@bench1.test warm@bench.test >"$WORK/warm.eml"
  before=$(transactions)
  "${MMC[@]}" inject -f "$WORK/warm.eml" warm@bench.test
  until [ "$(transactions)" -gt "$before" ]; do sleep 0.5; done
  for r in $(seq 1 "$RUNS"); do
    T[mm_plain_$r]=$(mailman_run plain "$r"); echo "mailman plain run $r: ${T[mm_plain_$r]} s"
    T[mm_pers_$r]=$(mailman_run personalized "$r"); echo "mailman personalized run $r: ${T[mm_pers_$r]} s"
  done
  "${MMC[@]}" stop >/dev/null
fi
if [ "$WHAT" = quire ] || [ "$WHAT" = all ]; then
  quire_setup
  quire_start
  for r in $(seq 1 "$RUNS"); do
    T[q_plain_$r]=$(quire_run plain "$r"); echo "quire plain run $r: ${T[q_plain_$r]} s"
    T[q_pers_$r]=$(quire_run personalized "$r"); echo "quire personalized run $r: ${T[q_pers_$r]} s"
  done
  quire_stop
  [ "${DKIM:-1}" = 0 ] || quire_start dkim
  for r in $(seq 1 "$RUNS"); do
    [ "${DKIM:-1}" = 0 ] && break
    T[qd_plain_$r]=$(quire_run plain "d$r"); echo "quire plain +dkim/arc run $r: ${T[qd_plain_$r]} s"
    T[qd_pers_$r]=$(quire_run personalized "d$r"); echo "quire personalized +dkim/arc run $r: ${T[qd_pers_$r]} s"
  done
  [ "${DKIM:-1}" = 0 ] || quire_stop
  mariadb -h127.0.0.1 -uquire_test -pquire_test -e "DROP DATABASE IF EXISTS $DB"
fi
echo "load after: $(uptime)"
for k in $(printf '%s\n' "${!T[@]}" | sort); do
  printf '%-16s %8.2f s %8.0f copies/s\n' "$k" "${T[$k]}" "$(echo "$MEMBERS / ${T[$k]}" | bc -l)"
done
# the list engine's own account of each personalized fan-out: wall time, µs per copy, spliced or made whole
grep -h "personalized copies of" "$WORK"/var/log/payara.log 2>/dev/null | grep -v " 2 queued" \
  | sed 's/.*PersonalizedFanOut\] /quire: /' || true
echo "(work files in $WORK)"

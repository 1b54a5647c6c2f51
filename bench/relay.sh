#!/usr/bin/env bash
# Quire against Postfix on the same machine, same run: smtp-source sends MESSAGES messages of 4 KB over
# SESSIONS parallel sessions to each MTA, which relays everything to Postfix's smtp-sink.
#   accept:  the next hop is down, so the rate is how fast mail is accepted into the durable queue (both
#            MTAs keep their default retry times; the queue is then flushed with postqueue -f / quire flush);
#   relay:   the next hop is up, so the rate is end to end, from the first connection to the last message
#            counted at the sink.
# Needs root (it reconfigures and starts the Debian postfix instance on loopback ports, then stops it),
# a built distribution (cli/target/quire), and the MariaDB server on 127.0.0.1:3306 with the test account
# that scripts/install-test-deps.sh creates. Prints a table and the Quire/Postfix ratios, the connections each
# MTA opened to the sink, and how many messages each of Quire's journal fsyncs covered.
# WARMUP messages (2000) are relayed by each MTA before the clock starts, so that Quire's JIT has compiled its
# hot code (Postfix's processes are started by then too). ONLY=quire skips the Postfix half (for trying a
# change; the ratios need both). JFR=FILE records a JFR profile of Quire's JVM during the relay phase into FILE
# (settings=default: execution samples every 20 ms, little overhead).
# STRACE=1 counts the system calls of each MTA during its relay phase (strace -f -c on every process of it, the
# Debian strace package: apt-get install strace) and prints them per message; tracing slows both MTAs, so the
# rates of such a run are not comparable, only the counts (use fewer MESSAGES, e.g. 5000).
# QUIRE_JAVA_OPTIONS replaces the launcher's JVM options (default: -Xmx512m -XX:+UseSerialGC
# -XX:TieredStopAtLevel=1, C1 only, tuned for start-up).
set -euo pipefail
cd "$(dirname "$0")/.."
MESSAGES=${MESSAGES:-20000}
SESSIONS=${SESSIONS:-20}
SIZE=${SIZE:-4096}
WARMUP=${WARMUP:-2000} # messages relayed to the sink by each MTA before the clock starts (the JVM's JIT warms up)
WORK=$(mktemp -d /tmp/quire-bench.XXXXXX)
chmod 755 "$WORK"
PF_PORT=20025; PF_SINK=20026; Q_PORT=20027; Q_SINK=20028
QUIRE=${QUIRE:-cli/target/quire/bin/quire} # a copy of the distribution may be given, so that a build does not replace it mid-run
DB=quire_bench

sink() { # port count-file: counts messages (transactions) as they arrive
  /usr/sbin/smtp-sink -u postfix -c 127.0.0.1:"$1" 512 >"$2" 2>&1 &
  echo $!
}
count() { # smtp-sink -c prints running counters "sess=N quit=N mesg=N" on stdout: the last mesg wins
  tr '\r' '\n' <"$1" | grep -Eo 'mesg=[0-9]+' | tail -1 | cut -d= -f2 || echo 0
}
sessions() { # the sessions (connections) that ended at the sink
  tr '\r' '\n' <"$1" | grep -Eo 'sess=[0-9]+' | tail -1 | cut -d= -f2 || echo 0
}
now() { date +%s.%N; }
# CPU time (user+sys, clock ticks) of a process and of the children it has reaped; with several pids, the sum
ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14+$15+$16+$17}' /proc/"$p"/stat 2>/dev/null || echo 0))); done; echo $t; }
sys_ticks() { awk '{print $15}' /proc/"$1"/stat; } # the kernel's part (system calls) of a process's CPU time
# Postfix's CPU: the master (with every child it reaped) and its live children
pf_ticks() { local m; m=$(head -1 /var/spool/postfix/pid/master.pid | tr -d ' '); ticks "$m" $(pgrep -P "$m"); }
HZ=$(getconf CLK_TCK)
trace_start() { # file pid...: counts the system calls of the processes (all their threads, and their new children)
  [ -n "${STRACE:-}" ] || return 0
  local f=$1 args=() p; shift
  for p in "$@"; do args+=(-p "$p"); done
  strace -f -c -o "$f" "${args[@]}" 2>/dev/null &
  TRACER=$!; sleep 1
}
trace_stop() { # file label: stops the tracer, prints the top calls and the calls per message
  [ -n "${STRACE:-}" ] || return 0
  kill -INT "$TRACER"; wait "$TRACER" 2>/dev/null || true
  echo "== system calls of $2 during the relay phase, per message (strace -f -c):"
  awk -v n="$MESSAGES" '$1 ~ /^[0-9.]+$/ && NF >= 5 { c = $4; printf "  %-18s %8.2f\n", $NF, c / n }' "$1" \
    | sort -k2 -n -r | head -16
}
per_msg() { echo "scale=3; ($2 - $1) * 1000 / $HZ / $MESSAGES" | bc; } # ticks-before ticks-after: CPU ms per message
wait_count() { # file target timeout-seconds
  local end=$(( $(date +%s) + $3 ))
  while [ "$(count "$1")" -lt "$2" ] && [ "$(date +%s)" -lt "$end" ]; do sleep 0.2; done
}

postfix_config() {
  # Debian's "No configuration" install leaves no main.cf: start from an empty one
  [ -f /etc/postfix/main.cf ] || touch /etc/postfix/main.cf
  postconf -e "compatibility_level = 3.6" "myhostname = postfix-bench.localdomain"
  postconf -M "postlog/unix-dgram=postlog unix-dgram n - n - 1 postlogd"
  postconf -e "inet_interfaces = loopback-only" "mydestination =" "relayhost = [127.0.0.1]:$PF_SINK" \
    "mynetworks = 127.0.0.0/8" "smtpd_recipient_restrictions = permit_mynetworks, reject" \
    "smtpd_relay_restrictions = permit_mynetworks, reject" "default_process_limit = 100" \
    "smtp_destination_concurrency_limit = 20" "maillog_file = /var/log/postfix-bench.log"
  postconf -M "smtp/inet=$PF_PORT inet n - y - - smtpd"
}

run_source() { # port [count]: sends MESSAGES (or count), prints seconds
  local t0; t0=$(now)
  /usr/sbin/smtp-source -s "$SESSIONS" -m "${2:-$MESSAGES}" -l "$SIZE" -f bench@sender.test -t someone@remote.test \
    127.0.0.1:"$1"
  echo "$(now) - $t0" | bc
}

echo "== $(uptime)"
if [ "${ONLY:-}" != quire ]; then
echo "== Postfix $(postconf -d -h mail_version)"
postfix stop >/dev/null 2>&1 || true
postfix_config
postsuper -d ALL >/dev/null 2>&1 || true
postfix start >/dev/null 2>&1
sleep 2
if [ "$WARMUP" -gt 0 ]; then
  pid=$(sink $PF_SINK "$WORK/pf-warm.count")
  run_source $PF_PORT "$WARMUP" >/dev/null
  wait_count "$WORK/pf-warm.count" "$WARMUP" 600
  kill "$pid"; sleep 0.5
fi
c0=$(pf_ticks)
pf_accept=$(run_source $PF_PORT)
pf_accept_cpu=$(per_msg "$c0" "$(pf_ticks)")
pid=$(sink $PF_SINK "$WORK/pf-sink.count")
postqueue -f
wait_count "$WORK/pf-sink.count" "$MESSAGES" 600
kill "$pid"
c0=$(pf_ticks)
t0=$(now)
pid=$(sink $PF_SINK "$WORK/pf-sink2.count")
m=$(head -1 /var/spool/postfix/pid/master.pid | tr -d ' ')
trace_start "$WORK/pf.strace" "$m" $(pgrep -P "$m")
pf_relay_send=$(run_source $PF_PORT)
wait_count "$WORK/pf-sink2.count" "$MESSAGES" 600
pf_relay=$(echo "$(now) - $t0" | bc)
pf_relay_cpu=$(per_msg "$c0" "$(pf_ticks)")
trace_stop "$WORK/pf.strace" Postfix
sleep 3 # let cached connections time out, so the sink counts them
kill "$pid"; sleep 0.5
pf_sess=$(sessions "$WORK/pf-sink2.count")
postfix stop >/dev/null 2>&1
fi

echo "== Quire"
mariadb -h127.0.0.1 -uquire_test -pquire_test -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB"
cat >"$WORK/quire.properties" <<PROPS
quire.data.dir=$WORK/var
quire.db.url=jdbc:mariadb://127.0.0.1:3306/$DB
quire.db.user=quire_test
quire.db.password=quire_test
quire.smtp.port=$Q_PORT
quire.submission.port=-1
quire.smtps.port=-1
quire.internal.port=20029
quire.lmtp.port=20030
quire.http.port=20031
quire.relay.networks=127.0.0.0/8
quire.smarthost=127.0.0.1:$Q_SINK
quire.smtp.maxrcpt=1000
${QUIRE_JAVA_OPTIONS:+quire.java.options=$QUIRE_JAVA_OPTIONS}
PROPS
t0=$(now)
"$QUIRE" run --config "$WORK/quire.properties" >"$WORK/quire.out" 2>&1 &
qpid=$!
until grep -q "Quire is running" "$WORK/quire.out"; do sleep 0.2; kill -0 $qpid || exit 1; done
echo "Quire started in $(echo "$(now) - $t0" | bc | cut -c1-5) s (launch to banner), options: $(grep -o 'quire.java.options=.*' "$WORK/quire.properties" || echo default)"
jvm=$(pgrep -P $qpid java)
if [ "$WARMUP" -gt 0 ]; then
  pid=$(sink $Q_SINK "$WORK/q-warm.count")
  run_source $Q_PORT "$WARMUP" >/dev/null
  wait_count "$WORK/q-warm.count" "$WARMUP" 600
  sleep 3; kill "$pid"; sleep 0.5 # the connection cache lets its sessions go before the sink stops
fi
c0=$(ticks "$jvm")
q_accept=$(run_source $Q_PORT)
q_accept_cpu=$(per_msg "$c0" "$(ticks "$jvm")")
pid=$(sink $Q_SINK "$WORK/q-sink.count")
"$QUIRE" flush --config "$WORK/quire.properties" >/dev/null
wait_count "$WORK/q-sink.count" "$MESSAGES" 600
kill "$pid"
c0=$(ticks "$jvm"); d0=$(ticks $(pgrep -x mariadbd)); s0=$(sys_ticks "$jvm")
[ -z "${JFR:-}" ] || jcmd "$jvm" JFR.start name=relay settings=default filename="$JFR" >/dev/null
t0=$(now)
pid=$(sink $Q_SINK "$WORK/q-sink2.count")
trace_start "$WORK/q.strace" "$jvm"
q_relay_send=$(run_source $Q_PORT)
wait_count "$WORK/q-sink2.count" "$MESSAGES" 600
q_relay=$(echo "$(now) - $t0" | bc)
q_relay_cpu=$(per_msg "$c0" "$(ticks "$jvm")"); q_relay_db=$(per_msg "$d0" "$(ticks $(pgrep -x mariadbd))")
q_relay_sys=$(per_msg "$s0" "$(sys_ticks "$jvm")")
trace_stop "$WORK/q.strace" Quire
[ -z "${JFR:-}" ] || jcmd "$jvm" JFR.stop name=relay >/dev/null
sleep 3
kill "$pid"; sleep 0.5
q_sess=$(sessions "$WORK/q-sink2.count")
kill $qpid; wait $qpid || true
journal=$(grep -ho 'spool journal: [^\[]*' "$WORK/var/log/payara.log" | tail -1 || true)
mariadb -h127.0.0.1 -uquire_test -pquire_test -e "DROP DATABASE IF EXISTS $DB"

echo "== $(uptime)"
div() { # scale a b: a/b, or - when b is 0
  if [ "$(echo "$3 == 0" | bc)" = 1 ]; then echo -; else echo "scale=$1; $2 / $3" | bc; fi
}
rate() { div 0 "$MESSAGES" "$1"; }
if [ "${ONLY:-}" = quire ]; then # placeholders, so that the table still prints
  pf_accept=0; pf_relay=0; pf_sess=-; pf_accept_cpu=0; pf_relay_cpu=0
fi
printf '\n%-34s %12s %12s %8s\n' "$MESSAGES messages of $SIZE B, $SESSIONS sessions" Postfix Quire "Q/P"
printf '%-34s %10s/s %10s/s %8s\n' "accept into the durable queue" "$(rate "$pf_accept")" "$(rate "$q_accept")" \
  "$(div 2 "$pf_accept" "$q_accept")"
printf '%-34s %10s/s %10s/s %8s\n' "relay end to end into smtp-sink" "$(rate "$pf_relay")" "$(rate "$q_relay")" \
  "$(div 2 "$pf_relay" "$q_relay")"
printf '%-34s %12s %12s\n' "connections to the sink (relay)" "$pf_sess" "$q_sess"
printf '%-34s %12s %12s %8s\n' "CPU ms per message, accept" "$pf_accept_cpu" "$q_accept_cpu" \
  "$(div 2 "$pf_accept_cpu" "$q_accept_cpu")"
printf '%-34s %12s %12s %8s\n' "CPU ms per message, relay" "$pf_relay_cpu" "$q_relay_cpu" \
  "$(div 2 "$pf_relay_cpu" "$q_relay_cpu")"
echo "(Quire's CPU is its JVM's, $q_relay_sys ms of the relay's in the kernel; the MariaDB server spent $q_relay_db ms"
echo " per message of the relay phase, shared with anything else using it)"
echo "Quire's ${journal:-spool journal: no statistics logged}"
echo "load before and after: see uptime lines above; (work files in $WORK)"

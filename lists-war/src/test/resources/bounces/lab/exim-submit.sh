#!/bin/sh
# runs inside a private mount namespace: /etc/passwd and /etc/group gain the Debian-exim user Exim was built for
mount --bind /tmp/qfix/passwd /etc/passwd && mount --bind /tmp/qfix/group /etc/group || exit 3
export LD_LIBRARY_PATH=/tmp/qfix/exim/usr/lib/x86_64-linux-gnu
EX="/tmp/qfix/exim/usr/sbin/exim4 -C /tmp/qfix/exim.conf"
send() { printf 'From: Demo list <demo@lists.example.test>\nTo: demo@lists.example.test\nSubject: [demo] agenda for Thursday\nMessage-ID: <%s>\nDate: Sat, 21 Nov 2026 07:30:00 +0000\nList-Id: Demo list <demo.lists.example.test>\nPrecedence: list\n\nSee you at ten.\n' "$3" | $EX -odi -f "$1" "$2"; echo "rc=$?"; }
$EX -bV | head -2
send demo-bounces+carol=remote.test@lists.example.test carol@remote.test exim-remote@example.test
send demo-bounces+nosuch=exim-lab.test@lists.example.test nosuch@exim-lab.test exim-unknown@example.test
send demo-bounces@lists.example.test erin@remote.test exim-plain@example.test

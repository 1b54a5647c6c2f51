#!/bin/sh
# inside a private mount namespace: the Debian-exim user and libidn12 that the extracted Exim needs
mount --bind /tmp/qfix/passwd /etc/passwd && mount --bind /tmp/qfix/group /etc/group \
  && mount --bind /tmp/qfix/ld.so.cache /etc/ld.so.cache || exit 3
/tmp/qfix/exim/usr/sbin/exim4 -C /tmp/qfix/exim.conf -qff 2>&1 | tail -20
/tmp/qfix/exim/usr/sbin/exim4 -C /tmp/qfix/exim.conf -bp

#!/usr/bin/env bash
# Installs and starts what Quire's test suite talks to, on a Debian machine: a MariaDB server,
# Postfix's smtp-sink (the postfix daemon itself stays stopped), swaks with TLS (libnet-ssleay-perl),
# openssl, rsync, python3 and python3-dkim (dkimpy), and Chromium with chromedriver for the browser tests.
# Idempotent: what is present is left alone. Ends with a database account for the tests,
# quire_test@127.0.0.1, that may create and drop its own databases.
set -euo pipefail

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

need=()
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || need+=(mariadb-server)
command -v mariadb >/dev/null 2>&1 || need+=(mariadb-client)
[ -x /usr/sbin/smtp-sink ] || need+=(postfix)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
perl -MNet::SSLeay -e1 >/dev/null 2>&1 || need+=(libnet-ssleay-perl)
command -v swaks >/dev/null 2>&1 || need+=(swaks)
command -v rsync >/dev/null 2>&1 || need+=(rsync)
command -v python3 >/dev/null 2>&1 || need+=(python3)
command -v dnsmasq >/dev/null 2>&1 || [ -x /usr/sbin/dnsmasq ] || need+=(dnsmasq-base)
[ -x /usr/sbin/spamd ] || need+=(spamassassin spamd)
[ -x /usr/sbin/clamd ] || need+=(clamav-daemon)
[ -x /usr/sbin/dovecot ] || need+=(dovecot-imapd)
# the web admin's browser tests: headless Chromium driven by Selenium through chromedriver
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
# the independent DKIM/ARC verifier of the list engine's tests (dkimverify, arcverify; Debian's /usr/bin/python3)
/usr/bin/python3 -c 'import dkim' >/dev/null 2>&1 || need+=(python3-dkim python3-dnspython)
# dkimpy's arc_sign (an independent ARC sealer for the list engine's ARC validation tests) needs authres
/usr/bin/python3 -c 'import authres' >/dev/null 2>&1 || need+=(python3-authres)

if [ ${#need[@]} -gt 0 ]; then
  echo "install-test-deps: installing ${need[*]}"
  # Postfix asks what kind of mail server this is: none; and no package may start a daemon now.
  echo "postfix postfix/main_mailer_type select No configuration" | $SUDO debconf-set-selections
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod +x /usr/sbin/policy-rc.d
  trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  $SUDO rm -f /usr/sbin/policy-rc.d
  trap - EXIT
fi

db_up() { mariadb-admin --protocol=socket ping >/dev/null 2>&1 || mariadb-admin -h127.0.0.1 -uroot ping >/dev/null 2>&1; }
if ! (exec 3<>/dev/tcp/127.0.0.1/3306) 2>/dev/null; then
  echo "install-test-deps: starting MariaDB"
  $SUDO mkdir -p /run/mysqld
  $SUDO chown mysql:mysql /run/mysqld 2>/dev/null || true
  $SUDO start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
  for _ in $(seq 1 60); do
    (exec 3<>/dev/tcp/127.0.0.1/3306) 2>/dev/null && break
    sleep 1
  done
fi
db_up || { echo "install-test-deps: MariaDB did not come up" >&2; exit 1; }

# Root may use a password-less TCP login (this project's CI machines) or the unix socket (a fresh Debian).
admin=(mariadb -h127.0.0.1 -uroot)
"${admin[@]}" -e "SELECT 1" >/dev/null 2>&1 || admin=($SUDO mariadb --protocol=socket -uroot)
"${admin[@]}" <<'SQL'
CREATE USER IF NOT EXISTS 'quire_test'@'127.0.0.1' IDENTIFIED BY 'quire_test';
CREATE USER IF NOT EXISTS 'quire_test'@'localhost' IDENTIFIED BY 'quire_test';
GRANT ALL PRIVILEGES ON *.* TO 'quire_test'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO 'quire_test'@'localhost' WITH GRANT OPTION;
SQL
echo "install-test-deps: ready (MariaDB on 127.0.0.1:3306, smtp-sink, swaks, rsync, python3)"

# Verifies a delivered copy with dkimpy (Debian's python3-dkim), the key record given instead of DNS.
# Usage: dkim_verify.py MESSAGE RECORD ; prints "dkim=True|False" and "arc=pass|fail|none <reason>".
import sys
import dkim

msg = open(sys.argv[1], 'rb').read()
rec = open(sys.argv[2], 'rb').read()


def dns(name, timeout=5):
    return rec


print('dkim=%s' % dkim.verify(msg, dnsfunc=dns))
cv, results, reason = dkim.arc_verify(msg, dnsfunc=dns)
print('arc=%s %s' % (cv.decode() if isinstance(cv, bytes) else cv, reason))

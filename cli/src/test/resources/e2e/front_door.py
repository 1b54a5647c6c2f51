"""The MTA's front door seen by a real client (Python's smtplib and ssl). Each check prints one line,
'name: outcome', that the Java test compares with what a user of Postfix would expect.
Usage: front_door.py MX_PORT SUBMISSION_PORT SMTPS_PORT USER PASSWORD"""
import smtplib
import socket
import ssl
import sys

MX, SUBMISSION, SMTPS = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
USER, PASSWORD = sys.argv[4], sys.argv[5]
HOST = "127.0.0.1"
TLS = ssl.create_default_context()
TLS.check_hostname = False
TLS.verify_mode = ssl.CERT_NONE  # Quire's self-signed certificate from its first start
MSG = "From: a@remote.test\r\nSubject: front door\r\n\r\nhello\r\n"


def say(name, outcome):
    print(f"{name}: {outcome}", flush=True)


def reply(code, text):
    return f"{code} {text.decode() if isinstance(text, bytes) else text}"


def rcpt(name, recipient, port=MX, source="127.0.0.1", login=False, starttls=False):
    """MAIL FROM then RCPT TO; prints the RCPT reply (or the MAIL reply if MAIL was refused)."""
    with smtplib.SMTP(HOST, port, local_hostname="client.test", timeout=30,
                      source_address=(source, 0)) as s:
        s.ehlo()
        if starttls:
            s.starttls(context=TLS)
            s.ehlo()
        if login:
            s.login(USER, PASSWORD)
        code, text = s.mail("a@remote.test")
        if code != 250:
            say(name, reply(code, text))
            return
        say(name, reply(*s.rcpt(recipient)))


def raw(port, lines, source="127.0.0.1"):
    """Sends raw octets after the banner and EHLO; returns every reply line the server sent back."""
    with socket.create_connection((HOST, port), timeout=15, source_address=(source, 0)) as c:
        f = c.makefile("rb")
        f.readline()
        c.sendall(b"EHLO client.test\r\n")
        while True:
            line = f.readline()
            if line[3:4] != b"-":
                break
        c.sendall(lines)
        c.shutdown(socket.SHUT_WR)
        return [l.decode().rstrip("\r\n") for l in f.readlines()]


# relay control: nothing from an untrusted, unauthenticated client goes elsewhere, whatever the form
rcpt("relay", "victim@elsewhere.test")
rcpt("relay-percent", "victim%elsewhere.test@example.test")
rcpt("relay-bang", "elsewhere.test!victim@example.test")
rcpt("relay-quoted", '"victim@elsewhere.test"@example.test')
rcpt("relay-literal", "victim@[192.0.2.1]")
rcpt("relay-source-route", "@example.test:victim@elsewhere.test")
rcpt("relay-trailing-dot", "victim@elsewhere.test.")
rcpt("relay-domain", "anyone@relayed.test")
rcpt("relay-trusted-network", "victim@elsewhere.test", source="127.0.0.2")
rcpt("relay-client-access", "victim@elsewhere.test", source="127.0.0.3")
rcpt("client-access-deny", "alice@example.test", source="127.0.0.4")
rcpt("postmaster", "postmaster@example.test")
rcpt("mx-auth-relay", "victim@elsewhere.test", starttls=True, login=True)

# submission: AUTH after STARTTLS, always
rcpt("submission-plain", "victim@elsewhere.test", port=SUBMISSION)
rcpt("submission-tls-no-auth", "victim@elsewhere.test", port=SUBMISSION, starttls=True)
rcpt("submission-auth", "victim@elsewhere.test", port=SUBMISSION, starttls=True, login=True)
try:
    with smtplib.SMTP(HOST, SUBMISSION, timeout=30) as s:
        s.starttls(context=TLS)
        s.login(USER, PASSWORD + "x")
    say("submission-bad-password", "logged in")
except smtplib.SMTPAuthenticationError as e:
    say("submission-bad-password", reply(e.smtp_code, e.smtp_error))

# implicit TLS (465)
with smtplib.SMTP_SSL(HOST, SMTPS, context=TLS, timeout=30) as s:
    s.login(USER, PASSWORD)
    s.mail("a@remote.test")
    say("smtps-auth", reply(*s.rcpt("victim@elsewhere.test")))
    say("smtps-cipher", "TLS" if s.sock.version().startswith("TLS") else s.sock.version())

# aliases' special targets answer at RCPT
rcpt("alias-fail", "info@example.test")
rcpt("alias-defer", "busy@example.test")
rcpt("unknown-user", "nobody@example.test")

# SMTP smuggling: a bare-LF dot is not the end of DATA; the smuggled MAIL never becomes a transaction
smuggle = (b"MAIL FROM:<a@remote.test>\r\nRCPT TO:<alice@example.test>\r\nDATA\r\n"
           b"Subject: smuggle\r\n\r\nfirst\n.\nMAIL FROM:<evil@remote.test>\nRCPT TO:<bob@example.test>\n"
           b"DATA\nSubject: smuggled\n\nsecond\n.\r\n.\r\nQUIT\r\n")
say("smuggling", " | ".join(raw(MX, smuggle)))

# a message that went round in circles: too many Received headers
loop = "".join(f"Received: from hop{i}.test by hop{i + 1}.test; Sat, 21 Nov 2026 00:00:00 +0000\r\n"
               for i in range(60)) + MSG
try:
    with smtplib.SMTP(HOST, MX, timeout=30) as s:
        s.sendmail("a@remote.test", ["alice@example.test"], loop)
    say("hops", "accepted")
except smtplib.SMTPDataError as e:
    say("hops", reply(e.smtp_code, e.smtp_error))

# one message through aliases: a team, a forward to the staff mail service, a pipe to a ticket system
with smtplib.SMTP(HOST, MX, timeout=30) as s:
    refused = s.sendmail("a@remote.test", ["team@example.test", "jdoe@example.test", "rt@example.test"],
                         "From: a@remote.test\r\nSubject: aliases\r\nMessage-ID: <aliases-1@remote.test>\r\n\r\nhi\r\n")
    say("aliases", "accepted" if not refused else repr(refused))

"""A real SMTP client (Python's smtplib) for the end-to-end test. Prints one line per check:
what the MTA answered, so the Java test can assert on it."""
import smtplib
import sys

port = int(sys.argv[1])
MSG = ("From: Mallory <mallory@remote.test>\r\nTo: demo@lists.example.test\r\n"
       "Subject: buy now\r\nMessage-ID: <nonmember-1@remote.test>\r\n\r\nnot a member\r\n")

with smtplib.SMTP("127.0.0.1", port, local_hostname="client.remote.test", timeout=30) as s:
    for rcpt in ("nobody@example.test", "victim@elsewhere.test"):
        try:
            s.sendmail("mallory@remote.test", [rcpt], MSG)
            print("ACCEPTED", rcpt)
        except smtplib.SMTPRecipientsRefused as e:
            code, text = e.recipients[rcpt]
            print("REFUSED", rcpt, code, text.decode())
        s.rset()
    refused = s.sendmail("mallory@remote.test", ["demo@lists.example.test"], MSG)
    print("ACCEPTED demo@lists.example.test" if not refused else "REFUSED " + repr(refused))

"""A real SMTP client (Python's smtplib) posting to the demo list for the posting-chain end-to-end test.
Each post is its own transaction; prints 'ACCEPTED <message-id>' or 'REFUSED <message-id> <reply>'.
Usage: posting_chain.py MX_PORT"""
import smtplib
import sys

PORT = int(sys.argv[1])
LIST = "demo@lists.example.test"


def message(sender, msgid, subject, body, extra=""):
    return (f"From: {sender}\r\nTo: {LIST}\r\nSubject: {subject}\r\nMessage-ID: <{msgid}>\r\n{extra}"
            f"\r\n{body}").encode()


POSTS = [
    ("alice@example.test", "member-1@example.test", "hello members", "A member's post.\r\n", ""),
    ("mallory@remote.test", "held-1@remote.test", "buy now", "A non-member's post.\r\n", ""),
    ("dave@remote.test", "approved-1@remote.test", "approved by header", "Pre-approved.\r\n",
     "Approved: s3cret\r\n"),
    ("erin@remote.test", "approved-2@remote.test", "approved by body",
     "Approved: s3cret\r\nThe office is closed on Friday.\r\n", ""),
    ("troll@remote.test", "banned-1@remote.test", "hello again", "A banned address.\r\n", ""),
    ("spam42@remote.test", "banned-2@remote.test", "deal", "A site-wide banned address.\r\n", ""),
    ("alice@example.test", "spam-flag-1@example.test", "marked as spam", "Discarded.\r\n", "X-Spam-Flag: YES\r\n"),
    ("alice@example.test", "lottery-1@example.test", "you won the lottery", "Held by a header match.\r\n", ""),
]

with smtplib.SMTP("127.0.0.1", PORT, local_hostname="client.remote.test", timeout=30) as s:
    for sender, msgid, subject, body, extra in POSTS:
        try:
            s.sendmail(sender, [LIST], message(sender, msgid, subject, body, extra))
            print("ACCEPTED", msgid, flush=True)
        except smtplib.SMTPException as e:
            print("REFUSED", msgid, e, flush=True)

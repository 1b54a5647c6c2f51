"""Sends one message with Python's smtplib, as a person's mail client would, and prints what the MTA
answered: 'ACCEPTED' or 'REFUSED <code> <text>'.
Usage: send_mail.py PORT FROM TO SUBJECT BODY [HEADER: VALUE ...]  (BODY lines separated by newlines)"""
import smtplib
import sys
from email.message import EmailMessage
from email.utils import make_msgid

port, sender, rcpt, subject, body = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
msg = EmailMessage()
msg["From"] = sender
msg["To"] = rcpt
msg["Subject"] = subject
msg["Message-ID"] = make_msgid(domain=sender.split("@")[1])
for header in sys.argv[6:]:
    name, value = header.split(":", 1)
    msg[name.strip()] = value.strip()
msg.set_content(body)
try:
    with smtplib.SMTP("127.0.0.1", port, local_hostname="client.test", timeout=30) as s:
        s.send_message(msg, from_addr=sender, to_addrs=[rcpt])
    print("ACCEPTED", flush=True)
except smtplib.SMTPRecipientsRefused as e:
    code, text = e.recipients[rcpt]
    print("REFUSED", code, text.decode(), flush=True)

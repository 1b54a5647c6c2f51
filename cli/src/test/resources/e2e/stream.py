"""Sends numbered messages over one connection per message until killed or done; prints 'ACK n queue-id'
for every 250 after DATA, flushing each line, so a kill -9 of the server mid-stream leaves an exact record
of what was acknowledged. Usage: stream.py PORT COUNT"""
import smtplib
import sys

port, count = int(sys.argv[1]), int(sys.argv[2])
for n in range(count):
    msg = (f"From: alice@example.test\r\nTo: bob@example.test\r\nSubject: crash {n}\r\n"
           f"Message-ID: <crash-{n}@example.test>\r\n\r\nmessage {n}\r\n" + ("x" * 99 + "\r\n") * 20)
    try:
        with smtplib.SMTP("127.0.0.1", port, timeout=10) as s:
            s.ehlo("client.test")
            s.mail("alice@example.test")
            s.rcpt("bob@example.test")
            code, text = s.data(msg)
            if code == 250:
                print(f"ACK {n} {text.decode().split()[-1]}", flush=True)
    except (OSError, smtplib.SMTPException) as e:
        print(f"LOST-CONNECTION {n} {type(e).__name__}", flush=True)
        break

"""Parses a delivery status notification from stdin with Python's email package and prints what it found as JSON.

An independent check of DsnComposer's output: nothing here shares code or assumptions with the Java side.
"""
import email
import email.policy
import json
import sys


def fields(block):
    return {name: str(value) for name, value in block.items()}


def defects(msg):
    found = [type(d).__name__ for d in msg.defects]
    for value in msg.values():
        found.extend(type(d).__name__ for d in getattr(value, "defects", ()))
    return found


def main():
    msg = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)
    out = {
        "content_type": msg.get_content_type(),
        "report_type": msg.get_param("report-type"),
        "headers": fields(msg),
        "defects": defects(msg),
        "parts": [],
    }
    parts = msg.get_payload() if msg.is_multipart() else []
    for part in parts:
        out["defects"].extend(defects(part))
        entry = {"content_type": part.get_content_type(), "headers": fields(part)}
        if part.get_content_type() == "message/delivery-status":
            blocks = part.get_payload()
            entry["per_message"] = fields(blocks[0])
            entry["recipients"] = [fields(b) for b in blocks[1:]]
            for b in blocks:
                out["defects"].extend(defects(b))
        elif part.get_content_type() == "message/rfc822":
            inner = part.get_payload()[0]
            entry["inner_headers"] = fields(inner)
            entry["inner_body_hex"] = inner.get_payload(decode=True).hex()
        else:
            entry["text"] = part.get_payload(decode=True).decode("utf-8")
        out["parts"].append(entry)
    print(json.dumps(out))


main()

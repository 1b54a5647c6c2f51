package dev.quire.db.list;

/** How a member receives posts. */
public enum DeliveryMode {
    REGULAR, MIME_DIGEST, PLAIN_DIGEST
}

package dev.quire.db.list;

/** What the list does to a post whose author's domain would fail DMARC after the list changes it. */
public enum DmarcMitigation {
    NONE, MUNGE_FROM, WRAP
}

package dev.quire.db.list;

/** Whether posts are archived, and who may read them. */
public enum ArchivePolicy {
    PUBLIC, PRIVATE, NONE
}

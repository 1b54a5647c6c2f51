package dev.quire.db.list;

/** The style a list was created from (its settings are editable afterwards). */
public enum ListStyle {
    DISCUSSION, ANNOUNCE, PRIVATE
}

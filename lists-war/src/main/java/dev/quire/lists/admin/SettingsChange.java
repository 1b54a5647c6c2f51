package dev.quire.lists.admin;

import java.util.Map;

/**
 * Settings an owner changes, by the names of {@link ListSettings}, each value already checked there; the
 * settings not named stay as they are. Build it with {@link ListSettings#parse}.
 */
public record SettingsChange(Map<String, Object> values) {
    public SettingsChange {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    /** The value given for a setting, or null when the setting is not named (or cleared). */
    public Object get(String name) {
        return values.get(name);
    }
}

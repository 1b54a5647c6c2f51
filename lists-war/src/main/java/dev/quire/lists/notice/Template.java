package dev.quire.lists.notice;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mailman's template syntax: {@code $name} or {@code ${name}} is replaced by the variable's value,
 * {@code $$} is a dollar sign, and an unknown variable is left as written so a typo shows.
 */
public final class Template {
    private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\$|\\{([a-z_][a-z0-9_]*)\\}|([a-z_][a-z0-9_]*))",
            Pattern.CASE_INSENSITIVE);

    private Template() {
    }

    /** The names of the variables a template uses, in lower case. */
    public static java.util.Set<String> names(String template) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        Matcher m = VARIABLE.matcher(template == null ? "" : template);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            if (name != null) {
                names.add(name.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }

    public static String render(String template, Map<String, String> variables) {
        if (template == null) {
            return "";
        }
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value;
            if (name == null) {
                value = "$";
            } else {
                value = variables.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}

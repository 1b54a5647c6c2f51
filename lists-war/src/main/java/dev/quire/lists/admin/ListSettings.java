package dev.quire.lists.admin;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.quire.db.list.MailingList;
import dev.quire.lists.notice.Template;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.InvalidAddressException;

/**
 * Every setting an owner may change, once: its name (as the REST API and the forms use it), its section of
 * the settings pages, label, help text, how a value is checked, and where it lives on the list. The REST
 * adapter and the web forms both turn their input into a {@link SettingsChange} through {@link #parse}.
 */
public final class ListSettings {
    /** The sections of the settings pages, in Mailman's order. */
    public enum Section {
        GENERAL("general", "General"), POSTING("posting", "Posting and moderation"), SUBSCRIPTIONS("subscriptions",
                "Subscriptions"), PRIVACY("privacy", "Privacy and archives"), DIGESTS("digests",
                        "Digests"), BOUNCES("bounces", "Bounces"), DELIVERABILITY("deliverability",
                                "Deliverability"), CONTENT("content", "Content filtering"), PERSONALIZATION(
                                        "personalization",
                                        "Personalization and templates");

        private final String slug;
        private final String title;

        Section(String slug, String title) {
            this.slug = slug;
            this.title = title;
        }

        public String slug() {
            return slug;
        }

        public String title() {
            return title;
        }

        public static Optional<Section> of(String slug) {
            return Arrays.stream(values()).filter(s -> s.slug.equals(slug)).findFirst();
        }
    }

    /** How a value is written and checked. */
    public enum Kind {
        LINE, TEXT, BOOLEAN, NUMBER, DECIMAL, CHOICE, ADDRESS, ALIASES, HEADER_PATTERNS, LINES, TEMPLATE
    }

    /** One setting. {@code choices} for CHOICE, {@code variables} for TEMPLATE, else empty. */
    public record Setting(String name, Section section, String label, String help, Kind kind, long min, long max,
            List<String> choices, Set<String> variables, Function<MailingList, Object> get,
            BiConsumer<MailingList, Object> set) {

        /** The value as the list holds it now. */
        public Object value(MailingList list) {
            return get.apply(list);
        }

        /** The value as a form shows it. */
        public String text(MailingList list) {
            Object v = get.apply(list);
            return v == null ? "" : v instanceof Enum ? ((Enum<?>) v).name() : v.toString();
        }

        /**
         * Reads a value given as text (a form field, or a JSON string or number); throws
         * {@link IllegalArgumentException} with the sentence saying what is allowed. Empty text clears an
         * optional text setting.
         */
        public Object parse(String raw) {
            String s = raw == null ? "" : raw;
            switch (kind) {
                case BOOLEAN :
                    if (s.equals("true") || s.equals("on")) {
                        return Boolean.TRUE;
                    }
                    if (s.equals("false") || s.isEmpty()) {
                        return Boolean.FALSE;
                    }
                    throw new IllegalArgumentException("must be true or false");
                case NUMBER :
                    try {
                        long n = Long.parseLong(s.strip());
                        if (n >= min && n <= max) {
                            return (int) n;
                        }
                    } catch (NumberFormatException e) {
                        // the sentence below
                    }
                    throw new IllegalArgumentException("must be a whole number from " + min + " to " + max);
                case DECIMAL :
                    try {
                        double d = Double.parseDouble(s.strip());
                        if (d >= min && d <= max) {
                            return d;
                        }
                    } catch (NumberFormatException e) {
                        // the sentence below
                    }
                    throw new IllegalArgumentException("must be a number from " + min + " to " + max);
                case CHOICE :
                    String c = s.strip().toUpperCase(Locale.ROOT);
                    if (choices.contains(c)) {
                        return c;
                    }
                    throw new IllegalArgumentException("must be one of " + String.join(", ", choices));
                case LINE :
                    if (s.length() < min || s.length() > max || s.chars().anyMatch(ch -> ch == '\r' || ch == '\n')) {
                        throw new IllegalArgumentException("must be one line of " + min + " to " + max
                                + " characters");
                    }
                    return s;
                case ADDRESS :
                    if (s.isBlank()) {
                        return null;
                    }
                    try {
                        return EmailAddress.parse(s.strip()).toString();
                    } catch (InvalidAddressException e) {
                        throw new IllegalArgumentException("must be an email address");
                    }
                default :
                    return multiline(s);
            }
        }

        private String multiline(String s) {
            if (s.length() > max) {
                throw new IllegalArgumentException("must be at most " + max + " characters");
            }
            String text = s.replace("\r\n", "\n").strip();
            if (text.isEmpty()) {
                return null;
            }
            int n = 0;
            for (String line : text.lines().map(String::strip).toList()) {
                n++;
                if (!line.isEmpty() && !line.startsWith("#")) {
                    check(line, n);
                }
            }
            if (kind == Kind.TEMPLATE) {
                Set<String> unknown = new TreeSet<>(Template.names(text));
                unknown.removeAll(variables);
                if (!unknown.isEmpty()) {
                    throw new IllegalArgumentException("unknown placeholder $" + String.join(", $", unknown)
                            + " (known: $" + String.join(", $", new TreeSet<>(variables)) + ")");
                }
            }
            return text;
        }

        private void check(String line, int n) {
            switch (kind) {
                case ALIASES :
                    if (line.startsWith("^")) {
                        compile(line, n);
                    } else if (!line.contains("@")) {
                        throw new IllegalArgumentException("line " + n + ": must be an address or a ^regular"
                                + " expression");
                    }
                    break;
                case HEADER_PATTERNS :
                    int colon = line.indexOf(':');
                    if (colon <= 0) {
                        throw new IllegalArgumentException("line " + n + ": must be header: regular expression");
                    }
                    compile(line.substring(colon + 1).strip(), n);
                    break;
                case LINES :
                    if (line.chars().anyMatch(Character::isWhitespace)) {
                        throw new IllegalArgumentException("line " + n + ": one word per line");
                    }
                    break;
                default :
                    break;
            }
        }

        private static void compile(String regex, int n) {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("line " + n + ": not a regular expression (" + e.getDescription()
                        + ")");
            }
        }
    }

    /** The placeholders of a post's header and footer (see the pipeline's Copies). */
    static final Set<String> DECORATION = Set.of("display_name", "list_name", "listname", "fqdn_listname", "list_id",
            "description", "request_email", "list_requests", "owner_email", "archive_url", "unsubscribe_url",
            "user_address", "user_delivered_to", "user_name");

    /** The placeholders of welcome and goodbye messages (see SubscriptionNotices). */
    static final Set<String> NOTICE = Set.of("address", "list_name", "display_name", "description", "posting_address",
            "request_address", "join_address", "leave_address", "owner_address");

    private static final Map<String, Setting> ALL = new LinkedHashMap<>();

    static {
        SettingsTable.fill();
    }

    private ListSettings() {
    }

    static void add(Setting s) {
        ALL.put(s.name(), s);
    }

    static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    /** Every setting, section by section. */
    public static List<Setting> all() {
        return List.copyOf(ALL.values());
    }

    public static Optional<Setting> named(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static List<Setting> in(Section section) {
        return ALL.values().stream().filter(s -> s.section() == section).toList();
    }

    /**
     * Reads named values given as text into a change; unknown names and bad values are refused together (a
     * 400 naming each field), so nothing is changed when one is bad.
     */
    public static SettingsChange parse(Map<String, String> values) {
        Map<String, Object> parsed = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        values.forEach((name, raw) -> {
            Setting s = ALL.get(name);
            if (s == null) {
                errors.put(name, "no such setting (known: " + String.join(", ", new TreeSet<>(ALL.keySet())) + ")");
                return;
            }
            try {
                parsed.put(name, s.parse(raw));
            } catch (IllegalArgumentException e) {
                errors.put(name, e.getMessage());
            }
        });
        if (!errors.isEmpty()) {
            throw Refused.invalid("Some settings cannot be used; nothing was changed.", errors);
        }
        return new SettingsChange(parsed);
    }

    /** The enum value of a CHOICE setting, for the setters. */
    static <E extends Enum<E>> E choice(Class<E> type, Object value) {
        return Enum.valueOf(type, (String) value);
    }
}

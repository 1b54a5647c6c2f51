package dev.quire.db.list;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An address that belongs to a list: the list's name and which of its functions the local part names.
 * VERP bounces ({@code name-bounces+member=domain}) and confirmations ({@code name-confirm+token}) carry a
 * detail after the plus sign.
 *
 * @param listName the list's name (its posting local part)
 * @param function what the address is for
 * @param detail the part after {@code +} for VERP and confirm addresses, else empty
 */
public record ListAddress(String listName, Function function, String detail) {
    /** The plus-address delimiter of VERP and confirm addresses. */
    public static final char DETAIL_DELIMITER = '+';

    /** The functions of a list's addresses, with Mailman's suffixes. */
    public enum Function {
        POST(""), BOUNCES("-bounces"), OWNER("-owner"), REQUEST("-request"), JOIN("-join"), SUBSCRIBE(
                "-subscribe"), LEAVE("-leave"), UNSUBSCRIBE("-unsubscribe"), CONFIRM("-confirm");

        private final String suffix;

        Function(String suffix) {
            this.suffix = suffix;
        }

        public String suffix() {
            return suffix;
        }

        /** The local part of this function's address for a list name. */
        public String localPart(String listName) {
            return listName + suffix;
        }

        boolean takesDetail() {
            return this == BOUNCES || this == CONFIRM;
        }
    }

    /**
     * Every way a local part could name a list address; the caller keeps the first whose list exists.
     * {@code foo-owner} may be the owner address of {@code foo} or the posting address of a list named
     * {@code foo-owner}, so both are returned, the posting reading first.
     */
    public static List<ListAddress> candidates(String localPart) {
        String lower = localPart.toLowerCase(Locale.ROOT);
        List<ListAddress> out = new ArrayList<>();
        out.add(new ListAddress(lower, Function.POST, ""));
        for (Function f : Function.values()) {
            if (f == Function.POST) {
                continue;
            }
            if (lower.endsWith(f.suffix()) && lower.length() > f.suffix().length()) {
                out.add(new ListAddress(lower.substring(0, lower.length() - f.suffix().length()), f, ""));
            }
            if (f.takesDetail()) {
                int plus = lower.indexOf(DETAIL_DELIMITER);
                if (plus > 0 && lower.substring(0, plus).endsWith(f.suffix())
                        && plus > f.suffix().length() && plus < lower.length() - 1) {
                    String name = lower.substring(0, plus - f.suffix().length());
                    out.add(new ListAddress(name, f, localPart.substring(plus + 1)));
                }
            }
        }
        return out;
    }
}

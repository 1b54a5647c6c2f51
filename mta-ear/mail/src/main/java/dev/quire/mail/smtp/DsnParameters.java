package dev.quire.mail.smtp;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Syntax checks of the RFC 3461 DSN parameters: MAIL {@code RET=FULL|HDRS} and {@code ENVID=xtext}, RCPT
 * {@code NOTIFY=NEVER|SUCCESS,FAILURE,DELAY} and {@code ORCPT=addr-type;xtext}. Values are validated, never decoded;
 * the handler receives them as given. Duplicates were already refused by {@link PathArgument}.
 */
final class DsnParameters {

    static final Reply BAD = new Reply(501, "5.5.4", "Invalid DSN parameter");
    private static final int MAX_ENVID = 100;
    private static final int MAX_ORCPT = 500;

    private DsnParameters() {
    }

    /** The problem with MAIL's RET and ENVID, or null. */
    static Reply checkMail(Map<String, String> params) {
        String ret = params.get("RET");
        if (ret != null && !ret.equalsIgnoreCase("FULL") && !ret.equalsIgnoreCase("HDRS")) {
            return BAD;
        }
        String envid = params.get("ENVID");
        if (envid != null && (envid.isEmpty() || envid.length() > MAX_ENVID || !isXtext(envid))) {
            return BAD;
        }
        return null;
    }

    /** The problem with RCPT's NOTIFY and ORCPT, or null. */
    static Reply checkRcpt(Map<String, String> params) {
        String notify = params.get("NOTIFY");
        if (notify != null && !isNotify(notify)) {
            return BAD;
        }
        String orcpt = params.get("ORCPT");
        if (orcpt != null) {
            int semicolon = orcpt.indexOf(';');
            if (orcpt.length() > MAX_ORCPT || semicolon <= 0 || semicolon == orcpt.length() - 1
                    || !isAtom(orcpt.substring(0, semicolon)) || !isXtext(orcpt.substring(semicolon + 1))) {
                return BAD;
            }
        }
        return null;
    }

    private static boolean isNotify(String value) {
        if (value.equalsIgnoreCase("NEVER")) {
            return true;
        }
        Set<String> seen = new HashSet<>();
        for (String item : value.split(",", -1)) {
            String upper = item.toUpperCase(Locale.ROOT);
            if (!(upper.equals("SUCCESS") || upper.equals("FAILURE") || upper.equals("DELAY")) || !seen.add(upper)) {
                return false;
            }
        }
        return true;
    }

    /** RFC 3461 section 4: {@code xchar} is {@code !} to {@code ~} except {@code +} and {@code =}; {@code +HH}. */
    private static boolean isXtext(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '+') {
                if (i + 2 >= value.length() || !isUpperHex(value.charAt(i + 1)) || !isUpperHex(value.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (c < '!' || c > '~' || c == '=') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAtom(String value) {
        return value.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9') || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0);
    }

    private static boolean isUpperHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
    }
}

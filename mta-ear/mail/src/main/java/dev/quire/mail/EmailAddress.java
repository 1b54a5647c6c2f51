package dev.quire.mail;

import java.util.Locale;
import java.util.Objects;

/**
 * An RFC 5321 mailbox {@code local@domain}, validated and normalised once.
 * <p>
 * The local part is kept exactly as it appears on the wire (dot-atom, or quoted string including its quotes and
 * backslash escapes) and compared case-sensitively, as RFC 5321 section 2.4 requires of everyone but the final
 * destination. The domain is a hostname of LDH labels, lower-cased, or an IPv4 address literal such as
 * {@code [192.0.2.1]}. {@code %} and {@code !} are legal atext and accepted, but they carry no routing meaning in
 * Quire: whoever routes mail must treat {@code a%b@c} as the literal local part {@code a%b} at {@code c}, never
 * relay it to {@code b}.
 */
public final class EmailAddress {

    /** RFC 5321 section 4.5.3.1.3 path limit minus the angle brackets. */
    public static final int MAX_LENGTH = 254;
    /** RFC 5321 section 4.5.3.1.1. */
    public static final int MAX_LOCAL_LENGTH = 64;
    private static final int MAX_DOMAIN_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;
    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    private final String localPart;
    private final String domain;

    private EmailAddress(String localPart, String domain) {
        this.localPart = localPart;
        this.domain = domain;
    }

    /**
     * Parses {@code local@domain}; the caller strips any surrounding angle brackets.
     *
     * @throws InvalidAddressException if the string is not an acceptable mailbox
     */
    public static EmailAddress parse(String address) {
        if (address == null || address.isEmpty()) {
            throw new InvalidAddressException("empty address");
        }
        if (address.length() > MAX_LENGTH) {
            throw new InvalidAddressException("address longer than " + MAX_LENGTH + " characters");
        }
        if (address.charAt(0) == '@') {
            throw new InvalidAddressException("source routes are not accepted");
        }
        int at = address.charAt(0) == '"' ? endOfQuotedString(address) : address.indexOf('@');
        if (at < 0 || at >= address.length() || address.charAt(at) != '@') {
            throw new InvalidAddressException("missing @domain");
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        checkLocalPart(local);
        return new EmailAddress(local, checkDomain(domain));
    }

    /**
     * Builds an address from a local part in its wire form (quoted if it needs quoting) and a domain.
     *
     * @throws InvalidAddressException if either part is invalid
     */
    public static EmailAddress of(String localPart, String domain) {
        Objects.requireNonNull(localPart, "localPart");
        Objects.requireNonNull(domain, "domain");
        EmailAddress address = parse(localPart + "@" + domain);
        if (!address.localPart.equals(localPart)) {
            throw new InvalidAddressException("invalid local part");
        }
        return address;
    }

    /** The local part exactly as transmitted, quotes included for a quoted string. */
    public String localPart() {
        return localPart;
    }

    /** The lower-cased domain, or the address literal with its brackets. */
    public String domain() {
        return domain;
    }

    /** {@code local@domain}, the form used inside {@code <...>} on the wire. */
    public String mailbox() {
        return localPart + "@" + domain;
    }

    @Override
    public String toString() {
        return mailbox();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmailAddress that && localPart.equals(that.localPart) && domain.equals(that.domain);
    }

    @Override
    public int hashCode() {
        return localPart.hashCode() * 31 + domain.hashCode();
    }

    /** Index just past the closing quote of a quoted local part starting at 0, or -1 if unterminated. */
    private static int endOfQuotedString(String s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                if (i + 1 >= s.length() || !isPrintableAscii(s.charAt(i + 1))) {
                    throw new InvalidAddressException("bad escape in quoted local part");
                }
                i++;
            } else if (c == '"') {
                return i + 1;
            } else if (!isPrintableAscii(c)) {
                throw new InvalidAddressException("control or non-ASCII character in quoted local part");
            }
        }
        throw new InvalidAddressException("unterminated quoted local part");
    }

    private static void checkLocalPart(String local) {
        if (local.isEmpty()) {
            throw new InvalidAddressException("empty local part");
        }
        if (local.length() > MAX_LOCAL_LENGTH) {
            throw new InvalidAddressException("local part longer than " + MAX_LOCAL_LENGTH + " characters");
        }
        if (local.charAt(0) == '"') {
            if (local.length() == 2) {
                throw new InvalidAddressException("empty quoted local part");
            }
            return; // the characters were checked by endOfQuotedString
        }
        boolean atomStart = true;
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c == '.') {
                if (atomStart) {
                    throw new InvalidAddressException("empty atom in local part");
                }
                atomStart = true;
            } else if (isAtext(c)) {
                atomStart = false;
            } else {
                throw new InvalidAddressException("character not allowed in unquoted local part");
            }
        }
        if (atomStart) {
            throw new InvalidAddressException("local part ends with a dot");
        }
    }

    private static String checkDomain(String domain) {
        if (domain.isEmpty()) {
            throw new InvalidAddressException("empty domain");
        }
        if (domain.charAt(0) == '[') {
            checkAddressLiteral(domain);
            return domain;
        }
        if (domain.length() > MAX_DOMAIN_LENGTH) {
            throw new InvalidAddressException("domain longer than " + MAX_DOMAIN_LENGTH + " characters");
        }
        int labelStart = 0;
        for (int i = 0; i <= domain.length(); i++) {
            if (i == domain.length() || domain.charAt(i) == '.') {
                checkLabel(domain, labelStart, i);
                labelStart = i + 1;
            } else if (!isLetterOrDigit(domain.charAt(i)) && domain.charAt(i) != '-') {
                throw new InvalidAddressException("character not allowed in domain");
            }
        }
        return domain.toLowerCase(Locale.ROOT);
    }

    private static void checkLabel(String domain, int start, int end) {
        if (end == start) {
            throw new InvalidAddressException("empty domain label");
        }
        if (end - start > MAX_LABEL_LENGTH) {
            throw new InvalidAddressException("domain label longer than " + MAX_LABEL_LENGTH + " characters");
        }
        if (domain.charAt(start) == '-' || domain.charAt(end - 1) == '-') {
            throw new InvalidAddressException("domain label starts or ends with a hyphen");
        }
    }

    private static void checkAddressLiteral(String literal) {
        if (literal.length() < 9 || literal.charAt(literal.length() - 1) != ']') {
            throw new InvalidAddressException("malformed address literal");
        }
        String[] octets = literal.substring(1, literal.length() - 1).split("\\.", -1);
        if (octets.length != 4) {
            throw new InvalidAddressException("only IPv4 address literals are accepted");
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(EmailAddress::isDigit)
                    || Integer.parseInt(octet) > 255) {
                throw new InvalidAddressException("malformed IPv4 address literal");
            }
        }
    }

    private static boolean isAtext(char c) {
        return isLetterOrDigit(c) || ATEXT_SPECIALS.indexOf(c) >= 0;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isPrintableAscii(char c) {
        return c >= 0x20 && c <= 0x7e;
    }
}

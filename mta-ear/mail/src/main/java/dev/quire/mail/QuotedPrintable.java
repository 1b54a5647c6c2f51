package dev.quire.mail;

import java.nio.charset.StandardCharsets;

/** Quoted-printable (RFC 2045) for UTF-8 text: CRLF line ends, soft breaks under 76 characters. */
public final class QuotedPrintable {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private QuotedPrintable() {
    }

    public static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            encodeLine(lines[i].getBytes(StandardCharsets.UTF_8), out);
            if (i < lines.length - 1 || !lines[i].isEmpty()) {
                out.append("\r\n");
            }
        }
        return out.toString();
    }

    private static void encodeLine(byte[] line, StringBuilder out) {
        int column = 0;
        for (int i = 0; i < line.length; i++) {
            int b = line[i] & 0xff;
            boolean last = i == line.length - 1;
            String piece;
            if ((b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !last)) {
                piece = String.valueOf((char) b);
            } else {
                piece = "=" + HEX[b >> 4] + HEX[b & 0xf];
            }
            if (column + piece.length() > 75) {
                out.append("=\r\n");
                column = 0;
            }
            out.append(piece);
            column += piece.length();
        }
    }
}

package dev.quire.cli.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the {@code quire.*} keys as a Java properties file for Payara Micro's {@code --systemproperties}: sorted,
 * escaped so that {@link java.util.Properties#load(java.io.InputStream)} reads back exactly the same values, mode
 * 0600 because it holds the database password.
 */
public final class SystemPropertiesFile {

    private SystemPropertiesFile() {
    }

    public static void write(Path file, Map<String, String> values) throws IOException {
        PrivateFiles.write(file, format(values));
    }

    static String format(Map<String, String> values) {
        StringBuilder text = new StringBuilder(
                "# Written by quire run at every start; edit quire.properties instead.\n");
        new TreeMap<>(values).forEach((key, value) -> text.append(escape(key, true))
                .append('=')
                .append(escape(value, false))
                .append('\n'));
        return text.toString();
    }

    private static String escape(String text, boolean key) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                case '\f' -> escaped.append("\\f");
                case '=', ':', '#', '!' -> escaped.append(key ? "\\" : "").append(c);
                case ' ' -> escaped.append(key || i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}

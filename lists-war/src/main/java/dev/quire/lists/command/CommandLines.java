package dev.quire.lists.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

import dev.quire.lists.message.BodyText;
import dev.quire.lists.message.MailMessage;

/**
 * The command lines of a message, as Mailman reads them: the subject first when it starts with a command
 * (reply prefixes removed, so "Re: confirm TOKEN" works), then the body's lines; blank and quoted lines are
 * skipped, and {@code end}, a signature separator ({@code --}) or a quoted reply's header ("On ... wrote:")
 * ends the commands. At most {@link #MAX_LINES} are read; the rest are counted as ignored.
 *
 * @param lines the command lines to run, in order
 * @param ignored how many more lines there were past the limit
 */
public record CommandLines(List<String> lines, int ignored) {
    public static final int MAX_LINES = 10;
    private static final Pattern REPLY_PREFIX = Pattern.compile("^\\s*((re|fwd?|aw|sv|antw)\\s*:\\s*)+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WROTE = Pattern.compile("^On .+ wrote:$|^-+\\s*Original Message\\s*-+$",
            Pattern.CASE_INSENSITIVE);

    /**
     * Reads the command lines.
     *
     * @param isCommand whether a word names a command (a subject that does not start with one is not read)
     */
    public static CommandLines of(MailMessage message, byte[] raw, Predicate<String> isCommand) {
        List<String> lines = new ArrayList<>();
        String subject = DecoderUtil.decodeEncodedWords(message.header("Subject").orElse(""), DecodeMonitor.SILENT);
        subject = REPLY_PREFIX.matcher(subject).replaceFirst("").strip();
        boolean subjectRead = !subject.isEmpty() && isCommand.test(firstWord(subject));
        if (subjectRead) {
            lines.add(subject);
        }
        int ignored = 0;
        for (String line : BodyText.of(raw).split("\n")) {
            String l = line.strip();
            if (line.equals("--") || line.equals("-- ") || firstWord(l).equals("end") || WROTE.matcher(l).matches()) {
                break;
            }
            if (l.isEmpty() || l.startsWith(">")) {
                continue;
            }
            if (subjectRead && lines.size() == 1 && l.equalsIgnoreCase(subject)) {
                continue; // the subject's command repeated in the body runs once
            }
            if (lines.size() < MAX_LINES) {
                lines.add(l);
            } else {
                ignored++;
            }
        }
        return new CommandLines(List.copyOf(lines), ignored);
    }

    /** The first word of a line, lower case. */
    static String firstWord(String line) {
        return line.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    }
}

package dev.quire.lists.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One post's personalized copy, serialised once with a marker where each member's values go (the one-click
 * URL in List-Unsubscribe, the member variables of an inline header or footer), cut into literal byte
 * chunks and variable slots. A member's copy is then the chunks with the member's values between them: a
 * small byte splice instead of copying, decorating and re-serialising the message 10,000 times.
 * {@link Copies#prepare} makes one only when the result is byte for byte what {@link Copies#personal} makes.
 */
public final class PersonalSplice {
    /** The member variables, in slot order. */
    static final List<String> VARIABLES = List.of("user_address", "user_delivered_to", "user_name",
            "unsubscribe_url");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<byte[]> chunks;
    private final int[] slots;

    private PersonalSplice(List<byte[]> chunks, int[] slots) {
        this.chunks = chunks;
        this.slots = slots;
    }

    /** Markers unique to one post (a random nonce), one per member variable, in {@link #VARIABLES} order. */
    static List<String> markers() {
        byte[] nonce = new byte[8];
        RANDOM.nextBytes(nonce);
        String n = HexFormat.of().formatHex(nonce);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < VARIABLES.size(); i++) {
            out.add("quire-splice-" + n + "-" + i);
        }
        return out;
    }

    /** Cuts a serialised copy at every marker. */
    static PersonalSplice of(byte[] serialised, List<String> markers) {
        String text = new String(serialised, StandardCharsets.ISO_8859_1);
        List<byte[]> chunks = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        int pos = 0;
        while (true) {
            int best = -1;
            int slot = -1;
            for (int i = 0; i < markers.size(); i++) {
                int at = text.indexOf(markers.get(i), pos);
                if (at >= 0 && (best < 0 || at < best)) {
                    best = at;
                    slot = i;
                }
            }
            if (best < 0) {
                chunks.add(text.substring(pos).getBytes(StandardCharsets.ISO_8859_1));
                break;
            }
            chunks.add(text.substring(pos, best).getBytes(StandardCharsets.ISO_8859_1));
            slots.add(slot);
            pos = best + markers.get(slot).length();
        }
        return new PersonalSplice(chunks, slots.stream().mapToInt(Integer::intValue).toArray());
    }

    /** True when the member values can be spliced in as they are: printable ASCII, no line break. */
    static boolean spliceable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** How many member values the copy takes (0: every copy is the same bytes but the envelope). */
    int slotCount() {
        return slots.length;
    }

    /** One member's copy; {@code values} in {@link #VARIABLES} order, each {@link #spliceable}. */
    byte[] copy(String[] values) {
        byte[][] v = new byte[values.length][];
        int size = 0;
        for (byte[] c : chunks) {
            size += c.length;
        }
        for (int s : slots) {
            if (v[s] == null) {
                v[s] = values[s].getBytes(StandardCharsets.US_ASCII);
            }
            size += v[s].length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (int i = 0; i < chunks.size(); i++) {
            byte[] c = chunks.get(i);
            System.arraycopy(c, 0, out, at, c.length);
            at += c.length;
            if (i < slots.length) {
                byte[] value = v[slots[i]];
                System.arraycopy(value, 0, out, at, value.length);
                at += value.length;
            }
        }
        return out;
    }
}

package dev.quire.mail.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DotStuffingOutputStreamTest {

    private static String stuff(String content) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        DotStuffingOutputStream out = new DotStuffingOutputStream(wire);
        out.write(content.getBytes(StandardCharsets.ISO_8859_1));
        out.finish();
        return wire.toString(StandardCharsets.ISO_8859_1);
    }

    static Stream<Arguments> contentAndWire() {
        return Stream.of(Arguments.of("a\r\nb\r\n", "a\r\nb\r\n.\r\n"), Arguments.of("no end", "no end\r\n.\r\n"),
                Arguments.of("", ".\r\n"), Arguments.of(".\r\n", "..\r\n.\r\n"),
                Arguments.of("a\r\n.b\r\n..c", "a\r\n..b\r\n...c\r\n.\r\n"),
                Arguments.of("bare\nlf\n.x", "bare\r\nlf\r\n..x\r\n.\r\n"),
                Arguments.of("bare\rcr\r", "bare\r\ncr\r\n.\r\n"), Arguments.of("cr\r\r\nx", "cr\r\n\r\nx\r\n.\r\n"));
    }

    @ParameterizedTest
    @MethodSource("contentAndWire")
    void stuffsNormalisesAndTerminates(String content, String wire) throws IOException {
        assertEquals(wire, stuff(content));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\n.\r\n..\r\nb\r\n", ".\r\n", "x\r\n.y\r\n", ""})
    void roundTripsThroughTheServerStream(String content) throws IOException {
        DotTerminatedInputStream back = new DotTerminatedInputStream(
                new ByteArrayInputStream(stuff(content).getBytes(StandardCharsets.ISO_8859_1)), 1000);
        assertEquals(content, new String(back.readAllBytes(), StandardCharsets.ISO_8859_1));
    }
}

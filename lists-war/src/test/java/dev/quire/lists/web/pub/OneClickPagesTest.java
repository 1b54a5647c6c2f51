package dev.quire.lists.web.pub;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class OneClickPagesTest {
    private static boolean oneClick(String type, String body) {
        return OneClickPages.oneClick(type, body.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void theFormBodyOfRfc8058() {
        assertTrue(oneClick("application/x-www-form-urlencoded", "List-Unsubscribe=One-Click"));
        assertTrue(oneClick("application/x-www-form-urlencoded", "List-Unsubscribe=One-Click\r\n"));
        assertTrue(oneClick(null, "a=b&List-Unsubscribe=One%2DClick"));
        assertFalse(oneClick("application/x-www-form-urlencoded", ""));
        assertFalse(oneClick("application/x-www-form-urlencoded", "List-Unsubscribe=Yes"));
    }

    @Test
    void theMultipartBodySomeProvidersSend() {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--XyZ--\r\n";
        assertTrue(oneClick("multipart/form-data; boundary=XyZ", body));
        assertFalse(oneClick("multipart/form-data; boundary=XyZ", body.replace("One-Click", "Nope")));
    }
}

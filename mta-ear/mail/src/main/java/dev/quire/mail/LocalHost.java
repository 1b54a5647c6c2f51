package dev.quire.mail;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This machine's name for banners, EHLO and trace headers when configuration names none. */
public final class LocalHost {
    private LocalHost() {
    }

    /** The canonical host name, or {@code localhost} when the resolver knows none. */
    public static String name() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}

package dev.quire.mta.enumerate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes one valid-address file safely: to a temporary file in the same directory, fsynced, then renamed over the
 * old one, so a relay fetching it sees the old file or the new one, never half of one. An unchanged file is left
 * alone (its time stamp too, so rsync sends nothing). Beside it, {@code <name>.sha256} in {@code sha256sum} form.
 */
public final class AddressFile {
    private AddressFile() {
    }

    /**
     * Writes {@code content} as {@code directory/name} unless the file already has exactly this content.
     *
     * @return true when the file was replaced
     */
    public static boolean write(Path directory, String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String checksum = sha256(bytes);
        Path file = directory.resolve(name);
        Path sum = directory.resolve(name + ".sha256");
        String sumLine = checksum + "  " + name + "\n";
        if (Files.isRegularFile(file) && Files.isRegularFile(sum) && Files.readString(sum).equals(sumLine)
                && Files.size(file) == bytes.length) {
            return false;
        }
        Files.createDirectories(directory);
        replace(directory, file, bytes);
        replace(directory, sum, sumLine.getBytes(StandardCharsets.US_ASCII));
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
        return true;
    }

    private static void replace(Path directory, Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

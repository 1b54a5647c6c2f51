package dev.quire.mta.enumerate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

/**
 * bench/jobs.sh: renders and writes 1,000,000 addresses in both formats (sorting included), then the same again
 * (unchanged: nothing rewritten). Prints seconds.
 */
public final class AddressFileBenchmark {
    private AddressFileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("address-bench");
        for (int round = 1; round <= 2; round++) {
            long t0 = System.nanoTime();
            TreeSet<String> addresses = new TreeSet<>();
            for (int i = 0; i < 1_000_000; i++) {
                addresses.add("u" + Integer.toString(i * 7919 % 1_000_003, 36) + "@d" + (i % 50) + ".example.ac.uk");
            }
            long t1 = System.nanoTime();
            int written = 0;
            for (AddressFormat f : AddressFormat.values()) {
                written += AddressFile.write(dir, f.fileName(), f.render(addresses, '+')) ? 1 : 0;
            }
            long t2 = System.nanoTime();
            System.out.printf("round %d: %d addresses sorted %.2f s, both files %.2f s (%d rewritten), %d MB%n", round,
                    addresses.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, written,
                    Files.size(dir.resolve("relay_recipients")) >> 20);
        }
        try (var files = Files.list(dir)) {
            files.forEach(p -> p.toFile().delete());
        }
        Files.delete(dir);
    }
}

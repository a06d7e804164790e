package dev.flowbase.migrate;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Flyway's own checksum of a script: a CRC32 over the UTF-8 bytes of each line without its line
 * break, a leading byte order mark removed, read as a signed 32-bit number. Line breaks of any kind
 * count the same, as in Flyway, so a file checked out with CRLF still matches.
 */
final class FlywayChecksum {
    private FlywayChecksum() {}

    static int of(String text) {
        CRC32 crc = new CRC32();
        // Checksum.normalize drops the BOM and makes every line break a LF, as Flyway's line reader sees them.
        String normal = Checksum.normalize(text);
        int start = 0;
        while (start < normal.length()) {
            int end = normal.indexOf('\n', start);
            if (end < 0) {
                end = normal.length();
            }
            crc.update(normal.substring(start, end).getBytes(StandardCharsets.UTF_8));
            start = end + 1;
        }
        return (int) crc.getValue();
    }
}

package dev.flowbase.server.http;

import java.io.InputStream;

/**
 * A body to save as a file: streamed to the client as it is read, and closed when sent. The
 * file name is the route's own (never a caller's text), so it needs no quoting in the header.
 */
public record Download(String contentType, String fileName, InputStream stream) {
    /** Bytes of no particular kind, as an archive is. */
    public static final String OCTETS = "application/octet-stream";
}

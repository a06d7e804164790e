package dev.flowbase.backup;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.flowbase.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash of a table's rows that two engines agree on: each row in canonical form (a JSON array, see
 * {@link Values}) is hashed with SHA-256, and the digests are added modulo 2^256. The sum does not
 * depend on the order rows come in, which differs between engines, and needs no memory per row.
 */
final class TableHash {
    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

    private final List<Column> columns;
    private final MessageDigest sha;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
    private final JsonGenerator generator;
    private final CanonicalJson json = new CanonicalJson();
    private final boolean hashing;
    private BigInteger sum = BigInteger.ZERO;
    private long rows;

    TableHash(List<Column> columns) {
        this(columns, true);
    }

    /** Counts rows without hashing them, for a pass whose bytes are already checked by their chunks' SHA-256. */
    static TableHash countOnly(List<Column> columns) {
        return new TableHash(columns, false);
    }

    private TableHash(List<Column> columns, boolean hashing) {
        this.columns = columns;
        this.hashing = hashing;
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try {
            this.generator = Json.MAPPER.getFactory().createGenerator(line, JsonEncoding.UTF8);
            generator.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void add(Object[] row) {
        rows++;
        if (!hashing) {
            return;
        }
        line.reset();
        try {
            generator.writeStartArray();
            for (int i = 0; i < row.length; i++) {
                Values.writeCanonical(generator, row[i], columns.get(i).kind(), json);
            }
            generator.writeEndArray();
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sha.update(line.toByteArray());
        sum = sum.add(new BigInteger(1, sha.digest()));
        if (sum.bitLength() > 256) {
            sum = sum.subtract(MODULUS);
        }
    }

    long rows() {
        return rows;
    }

    /** 64 hex digits; null when only counting. */
    String hex() {
        if (!hashing) {
            return null;
        }
        byte[] bytes = sum.toByteArray();
        byte[] fixed = new byte[32];
        int n = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - n, fixed, 32 - n, n);
        return HexFormat.of().formatHex(fixed);
    }
}

package dev.flowbase.backup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.util.Json;
import java.io.IOException;

/** The JSON of the archive's header and manifest: snake_case names, column kinds by their lower-case ids. */
final class ArchiveJson {
    static final ObjectMapper MAPPER = Json.MAPPER
            .copy()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING);

    private ArchiveJson() {}

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("archive metadata always serialises", e);
        }
    }

    /** Reads the archive's {@code what} (its header, its manifest), naming it when it is not what this version reads. */
    static <T> T read(byte[] bytes, Class<T> type, String what) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            throw new FlowbaseException(
                    ErrorCode.ARCHIVE_INVALID, "the archive's " + what + " is not readable JSON: " + e.getMessage());
        }
    }
}

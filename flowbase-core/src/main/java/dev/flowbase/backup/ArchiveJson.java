package dev.flowbase.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.util.Json;
import java.io.IOException;

/** The JSON of the archive's header and manifest (snake_case names), and the canonical form of JSON values. */
final class ArchiveJson {
    static final ObjectMapper MAPPER =
            Json.MAPPER.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    /** Keys sorted, no spaces: PostgreSQL's jsonb reorders keys and MariaDB and SQLite keep the text, so only this compares. */
    private static final ObjectMapper CANONICAL =
            JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

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

    static String canonical(String json) {
        try {
            JsonNode tree = CANONICAL.readTree(json);
            return CANONICAL.writeValueAsString(tree);
        } catch (IOException e) {
            // Not JSON after all (a column's check would have refused it): compare the text as it is.
            return json;
        }
    }
}

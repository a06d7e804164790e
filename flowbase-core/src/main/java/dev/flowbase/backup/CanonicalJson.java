package dev.flowbase.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.flowbase.util.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON document in canonical form: object keys sorted, no white space, numbers as Jackson reads
 * them. PostgreSQL's jsonb reorders keys and drops spaces while MariaDB and SQLite keep the text as
 * written, so only this form compares across engines. One instance per table hash, reused row
 * after row: a generator per value cost more than the rest of the hash (bench/RESULTS.md).
 */
final class CanonicalJson {
    private static final ObjectReader READER = Json.MAPPER.reader();

    private final StringWriter text = new StringWriter(256);
    private final JsonGenerator generator;

    CanonicalJson() {
        try {
            generator = Json.MAPPER.getFactory().createGenerator(text);
            generator.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String of(String json) {
        JsonNode tree;
        try {
            tree = READER.readTree(json);
        } catch (IOException e) {
            return json; // not JSON after all (a column's check would have refused it): compare the text as it is
        }
        text.getBuffer().setLength(0);
        try {
            write(tree);
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private void write(JsonNode node) throws IOException {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            fields.sort(Map.Entry.comparingByKey());
            generator.writeStartObject();
            for (Map.Entry<String, JsonNode> f : fields) {
                generator.writeFieldName(f.getKey());
                write(f.getValue());
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode element : node) {
                write(element);
            }
            generator.writeEndArray();
        } else {
            generator.writeTree(node);
        }
    }
}

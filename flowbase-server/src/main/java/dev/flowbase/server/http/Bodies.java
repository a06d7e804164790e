package dev.flowbase.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.error.InvalidFieldException;
import dev.flowbase.util.Json;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Request bodies read strictly: an unknown field, a wrong type or a missing field is an error that
 * names the field, the value and what would be accepted, so a typo never passes silently.
 */
final class Bodies {
    private static final ObjectMapper STRICT = Json.MAPPER
            .copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The number Jackson quotes first in its message: "Numeric value (99999999999) out of range …". */
    private static final Pattern NUMBER = Pattern.compile("\\(([-0-9.eE+]+)\\)");

    private Bodies() {}

    static <T> T read(String text, Class<T> type) {
        if (text == null || text.isBlank()) {
            throw new InvalidFieldException("body", "empty", "a JSON object");
        }
        T body;
        try {
            body = STRICT.readValue(text, type);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof FlowbaseException f) {
                throw f; // a record's own check, which names its field already
            }
            throw new InvalidFieldException(path(e), "not acceptable", e.getOriginalMessage());
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream()
                    .map(String::valueOf)
                    .sorted()
                    .collect(Collectors.joining(", "));
            throw InvalidFieldException.unknown(path(e), known);
        } catch (InvalidFormatException e) {
            throw new InvalidFieldException(
                    path(e), "'" + shown(String.valueOf(e.getValue())) + "'", expected(e.getTargetType()));
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw new InvalidFieldException(
                    field.isEmpty() ? "body" : field, "of the wrong type", expected(e.getTargetType()));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof InputCoercionException c) {
                throw outOfRange(path(e), c);
            }
            throw new InvalidFieldException(path(e), "not acceptable", "a value of the documented type");
        } catch (InputCoercionException e) {
            throw outOfRange("body", e);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT, "body: not JSON (line " + line + ", column " + column + ")");
        }
        if (body == null) { // the JSON text null: every route reads fields of its body
            throw new InvalidFieldException("body", "null", "a JSON object");
        }
        return body;
    }

    /** A number too large or too small for its field, with the range the field takes. */
    private static InvalidFieldException outOfRange(String field, InputCoercionException e) {
        Matcher number = NUMBER.matcher(String.valueOf(e.getOriginalMessage()));
        String shown = number.find() ? shown(number.group(1)) : "out of range";
        Class<?> type = e.getTargetType();
        String range = type == Long.TYPE || type == Long.class
                ? Long.MIN_VALUE + " to " + Long.MAX_VALUE
                : Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        return new InvalidFieldException(field, shown, "a whole number from " + range);
    }

    /** The field's path in the body, such as {@code tasks[2].name}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of the documented type";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name())
                            .collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "a UUID";
            case "Instant" -> "an ISO-8601 instant such as 2026-01-31T12:00:00Z";
            case "int", "Integer", "long", "Long" -> "a whole number";
            case "boolean", "Boolean" -> "true or false";
            case "String" -> "a text";
            case "List" -> "an array";
            default -> "a " + (type.isRecord() ? "JSON object" : type.getSimpleName());
        };
    }

    /** At most 60 characters of a value a client sent, for an error message. */
    static String shown(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}

package dev.flowbase.server.http;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.util.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives before a request reaches Javalin (an ambiguous path such as
 * {@code /../../etc/passwd}, headers over the limit, a request line it cannot parse) in the same
 * problem+json shape as every other error, instead of Jetty's HTML page.
 */
final class JettyErrors extends ErrorHandler {
    private static final String PROBLEM = "application/problem+json";

    @Override
    protected void generateResponse(
            Request request, Response response, int status, String message, Throwable cause, Callback callback) {
        // Jetty names a request it could not parse "/badMessage": that is no path the client sent.
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        String instance = "/badMessage".equals(path) ? null : path;
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, PROBLEM);
        SecurityHeaders.always(response.getHeaders()::put);
        response.write(true, ByteBuffer.wrap(body(status, message, instance)), callback);
    }

    private static byte[] body(int status, String message, String instance) {
        ErrorCode code = code(status);
        String detail = message == null || message.isBlank() || message.equals(HttpStatus.getMessage(status))
                ? explained(status)
                : message;
        Map<String, Object> body =
                Problems.body(code, status, detail, instance, UUID.randomUUID().toString());
        return Json.write(body).getBytes(StandardCharsets.UTF_8);
    }

    /** What the client can change, where Jetty gives only the status's name. */
    private static String explained(int status) {
        return switch (status) {
            case 400 ->
                "The request line is not acceptable: a malformed request, or a path with .. or"
                        + " encoded separators that would leave /";
            case 414 -> "The request's URI is longer than the server accepts";
            case 431 -> "The request's headers are larger than the server accepts";
            default -> HttpStatus.getMessage(status);
        };
    }

    private static ErrorCode code(int status) {
        return switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 414, 431 -> ErrorCode.HEADERS_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.INVALID_ARGUMENT;
        };
    }
}

package dev.flowbase.server.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.flowbase.util.Printable;

/**
 * {@code %msg} of the text format with its control characters escaped: a message carries values
 * from requests and databases, and a newline in one of them must not start a line that looks like
 * Flowbase's own.
 */
public final class EscapedMessage extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Printable.escape(super.convert(event));
    }
}

package dev.flowbase.engines.mariadb;

import dev.flowbase.queue.OutboxSql;

/** MariaDB numbers the outbox with AUTO_INCREMENT; its TEXT stops at 64 KB, so parameters go in LONGTEXT. */
final class MariaDbOutbox implements OutboxSql {
    @Override
    public String sequenceColumn() {
        return "seq BIGINT AUTO_INCREMENT PRIMARY KEY";
    }

    @Override
    public String longText() {
        return "LONGTEXT";
    }
}

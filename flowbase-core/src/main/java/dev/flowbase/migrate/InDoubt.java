package dev.flowbase.migrate;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.migrate.sql.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement that was running when its runner died, on an engine where it commits by itself:
 * it may or may not have taken effect. Where the catalog can tell (a table created or dropped),
 * it decides; a statement that writes nothing ({@link ReadOnlyStatement}) is simply run again;
 * otherwise the run stops and says so, because running the statement a second time
 * blindly could apply it twice.
 */
final class InDoubt {
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?is)CREATE\\s+(?:TEMPORARY\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?[`\"]?([\\w$]+)[`\"]?\\s*\\(.*");
    private static final Pattern DROP_TABLE =
            Pattern.compile("(?is)DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?[`\"]?([\\w$]+)[`\"]?\\s*;?\\s*");

    private InDoubt() {}

    /** The index of the statement to resume at: after the in-doubt one if it took effect, at it if not. */
    static int resolve(PlannedScript p, HistoryRow failed, EngineSupport engine, Connection c) throws SQLException {
        int index = failed.statementsApplied();
        if (failed.state() != MigrationState.RUNNING || index >= p.statements().size()) {
            return index;
        }
        SqlStatement statement = p.statements().get(index);
        if (statement.copyData() == null && ReadOnlyStatement.is(statement.sql())) {
            return index; // it wrote nothing either way: run it again
        }
        Optional<Boolean> applied = tookEffect(statement, engine, c);
        if (applied.isPresent()) {
            return applied.get() ? index + 1 : index;
        }
        throw new FlowbaseException(
                ErrorCode.MIGRATION_FAILED,
                p.script().name() + " statement " + (index + 1) + " of "
                        + p.statements().size() + " (line "
                        + statement.line() + ") was running when an earlier run stopped, and it commits by itself:"
                        + " it may or may not have been applied, so it is not run again blindly. Check whether it"
                        + " took effect, undo statements 1-" + (index + 1) + " by hand as far as they were applied,"
                        + " and run `flowbase migrate repair`, then `flowbase migrate up`");
    }

    private static Optional<Boolean> tookEffect(SqlStatement statement, EngineSupport engine, Connection c)
            throws SQLException {
        Matcher create = CREATE_TABLE.matcher(statement.sql());
        if (create.matches()) {
            return Optional.of(tableExists(create.group(1), engine, c));
        }
        Matcher drop = DROP_TABLE.matcher(statement.sql());
        if (drop.matches()) {
            return Optional.of(!tableExists(drop.group(1), engine, c));
        }
        return Optional.empty();
    }

    private static boolean tableExists(String name, EngineSupport engine, Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(engine.tableExistsSql())) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}

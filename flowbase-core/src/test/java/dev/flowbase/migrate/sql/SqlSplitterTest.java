package dev.flowbase.migrate.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowbase.engine.Engine;
import dev.flowbase.error.ErrorCode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class SqlSplitterTest {

    @Test
    void eachEngineGetsTheSplitterForItsOwnSyntax() {
        assertThat(SqlSplitter.forEngine(Engine.POSTGRESQL)).isInstanceOf(PostgresSplitter.class);
        assertThat(SqlSplitter.forEngine(Engine.MARIADB)).isInstanceOf(MariaDbSplitter.class);
        assertThat(SqlSplitter.forEngine(Engine.SQLITE)).isInstanceOf(SqliteSplitter.class);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aStatementStartsOnTheLineOfItsFirstCharacterAfterWhitespaceAndComments(Engine engine) {
        String script = "SELECT 1;\n\n/* a comment;\n   over two lines */\n  -- and another\n  SELECT\n 2;";

        assertThat(split(engine, script))
                .containsExactly(new SqlStatement("SELECT 1", 1), new SqlStatement("SELECT\n 2", 6));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aByteOrderMarkIsNotPartOfTheFirstStatement(Engine engine) {
        assertThat(split(engine, "\uFEFFSELECT 1;")).containsExactly(new SqlStatement("SELECT 1", 1));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aByteOrderMarkOfAFileJoinedOnIsNotPartOfTheNextStatement(Engine engine) {
        assertThat(split(engine, "SELECT 1;\n\uFEFFSELECT 2;\uFEFF"))
                .containsExactly(new SqlStatement("SELECT 1", 1), new SqlStatement("SELECT 2", 2));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void crlfLineEndsCountAsOneLineAndStayInTheStatementText(Engine engine) {
        assertThat(split(engine, "SELECT 1;\r\n\r\nSELECT\r\n 2;\r\nSELECT 3"))
                .containsExactly(
                        new SqlStatement("SELECT 1", 1),
                        new SqlStatement("SELECT\r\n 2", 3),
                        new SqlStatement("SELECT 3", 5));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aScriptOfOnlyCommentsAndEmptyStatementsHoldsNoStatement(Engine engine) {
        assertThat(split(engine, "-- nothing;\n;;\n/* here; */ ;\n")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anUnterminatedStringIsReportedWithTheLineItStartsOn(Engine engine) {
        assertUnterminated(engine, "SELECT 1;\nSELECT 'it''s;\n\nnever closed;", 2, "string");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anUnterminatedBlockCommentIsReportedWithTheLineItStartsOn(Engine engine) {
        assertUnterminated(engine, "SELECT 1;\n\n/* never; closed\nSELECT 2;", 3, "block comment");
    }

    @ParameterizedTest
    @MethodSource("unterminatedQuotedIdentifiers")
    void anUnterminatedQuotedIdentifierIsReportedWithTheLineItStartsOn(Engine engine, String script) {
        assertUnterminated(engine, script, 2, "quoted identifier");
    }

    static Stream<Arguments> unterminatedQuotedIdentifiers() {
        return Stream.of(
                Arguments.of(Engine.POSTGRESQL, "SELECT 1;\nSELECT \"col;\nFROM t;"),
                Arguments.of(Engine.MARIADB, "SELECT 1;\nSELECT `col;\nFROM t;"),
                Arguments.of(Engine.SQLITE, "SELECT 1;\nSELECT [col;\nFROM t;"));
    }

    @Test
    void anUnterminatedDollarQuoteIsReportedWithItsTagAndTheLineItStartsOn() {
        assertThatThrownBy(() -> split(Engine.POSTGRESQL, "SELECT 1;\n\nDO $body$ BEGIN NULL; END $$;"))
                .isInstanceOfSatisfying(
                        SqlSyntaxException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("dollar-quoted string")
                .hasMessageContaining("line 3")
                .hasMessageContaining("$body$");
    }

    @Test
    void aBlockCommentInsideAnotherNeedsItsOwnCloseInPostgresOnly() {
        String script = "/* outer /* inner */ SELECT 1;";

        assertUnterminated(Engine.POSTGRESQL, script, 1, "block comment");
        assertThat(split(Engine.MARIADB, script)).containsExactly(new SqlStatement("SELECT 1", 1));
        assertThat(split(Engine.SQLITE, script)).containsExactly(new SqlStatement("SELECT 1", 1));
    }

    @Test
    void aBackslashEscapesAQuoteInMariaDbStringsOnly() {
        assertThat(split(Engine.MARIADB, "SELECT 'a\\';' AS x; SELECT 2"))
                .extracting(SqlStatement::sql)
                .containsExactly("SELECT 'a\\';' AS x", "SELECT 2");
        assertThat(split(Engine.SQLITE, "SELECT 'C:\\'; SELECT 2"))
                .extracting(SqlStatement::sql)
                .containsExactly("SELECT 'C:\\'", "SELECT 2");
    }

    @Test
    void aBackslashEscapesAQuoteInPostgresOnlyInsideAnEString() {
        assertThat(split(Engine.POSTGRESQL, "SELECT E'a\\';' AS x; SELECT 'C:\\'; SELECT 3"))
                .extracting(SqlStatement::sql)
                .containsExactly("SELECT E'a\\';' AS x", "SELECT 'C:\\'", "SELECT 3");
    }

    @Test
    void twoDashesStartAMariaDbCommentOnlyBeforeWhitespace() {
        String script = "SELECT 1--1;\nSELECT 2;";

        assertThat(split(Engine.MARIADB, script))
                .extracting(SqlStatement::sql)
                .containsExactly("SELECT 1--1", "SELECT 2");
        assertThat(split(Engine.POSTGRESQL, script))
                .extracting(SqlStatement::sql)
                .containsExactly("SELECT 1--1;\nSELECT 2");
    }

    @Test
    void aHashStartsACommentInMariaDbOnly() {
        String script = "SELECT 1 # not; here\n;";

        assertThat(split(Engine.MARIADB, script)).extracting(SqlStatement::sql).containsExactly("SELECT 1");
        assertThat(split(Engine.SQLITE, script))
                .extracting(SqlStatement::sql)
                .containsExactly("SELECT 1 # not", "here");
    }

    @Test
    void aDelimiterCommandWithoutADelimiterIsReportedWithItsLine() {
        assertThatThrownBy(() -> split(Engine.MARIADB, "SELECT 1;\nDELIMITER  \nSELECT 2;"))
                .isInstanceOfSatisfying(
                        SqlSyntaxException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("DELIMITER");
    }

    @Test
    void aDelimiterChosenWithTheDelimiterCommandEndsAStatementEvenInsideAnUnclosedBlock() {
        assertThat(split(Engine.MARIADB, "DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; //\nSELECT 2 //"))
                .containsExactly(
                        new SqlStatement("CREATE PROCEDURE p() BEGIN SELECT 1;", 2), new SqlStatement("SELECT 2", 3));
    }

    @Test
    void theDelimiterCommandIsOnlyForMariaDb() {
        assertThat(split(Engine.SQLITE, "DELIMITER //\nSELECT 1//"))
                .extracting(SqlStatement::sql)
                .containsExactly("DELIMITER //\nSELECT 1//");
    }

    @Test
    void aBlockLeftOpenAtTheEndOfTheScriptKeepsTheRestAsOneStatement() {
        assertThat(split(Engine.SQLITE, "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; SELECT 2;"))
                .extracting(SqlStatement::sql)
                .containsExactly("CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; SELECT 2");
    }

    @Test
    void aStatementCannotStartBeforeTheFirstLine() {
        assertThatThrownBy(() -> new SqlStatement("SELECT 1", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<SqlStatement> split(Engine engine, String script) {
        return SqlSplitter.forEngine(engine).split(script);
    }

    private static void assertUnterminated(Engine engine, String script, int line, String what) {
        assertThatThrownBy(() -> split(engine, script))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
                })
                .hasMessageStartingWith("The " + what + " that starts on line " + line + " is never closed");
    }

    @Test
    void postgresCopyFromStdinCarriesItsRowsUpToTheBackslashDotLine() {
        String script = "COPY t (a, b) FROM stdin;\n1\tx;y\n2\t\\N\n\\.\nSELECT 1;\n";

        List<SqlStatement> statements = SqlSplitter.forEngine(Engine.POSTGRESQL).split(script);

        assertThat(statements)
                .containsExactly(
                        new SqlStatement("COPY t (a, b) FROM stdin", 1, "1\tx;y\n2\t\\N\n"),
                        new SqlStatement("SELECT 1", 5));
    }

    @Test
    void postgresCopyDataWithCrlfLineEndsIsReadAsRows() {
        String script = "COPY t FROM STDIN;\r\n1\r\n\\.\r\nSELECT 2;";

        List<SqlStatement> statements = SqlSplitter.forEngine(Engine.POSTGRESQL).split(script);

        assertThat(statements).extracting(SqlStatement::copyData).containsExactly("1\n", null);
        assertThat(statements.get(1).line()).isEqualTo(4);
    }

    @Test
    void postgresCopyAtTheEndWithoutItsSemicolonOrRowsIsTheSameSyntaxError() {
        // Found by SqlSplitterFuzzTest: without the ';' it was an ordinary statement, left to fail in the driver.
        assertThatThrownBy(() -> SqlSplitter.forEngine(Engine.POSTGRESQL).split("SELECT 1;\nCOPY t FROM stdin"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void postgresCopyWithoutItsEndLineIsASyntaxErrorNamingTheLine() {
        assertThatThrownBy(() -> SqlSplitter.forEngine(Engine.POSTGRESQL).split("SELECT 1;\nCOPY t FROM stdin;\n1\n"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("\\.");
    }

    @Test
    void copyToStdoutAndCopyFromAFileAreOrdinaryStatements() {
        List<SqlStatement> statements = SqlSplitter.forEngine(Engine.POSTGRESQL)
                .split("COPY t TO stdout;\nCOPY t FROM '/tmp/x.csv';\nSELECT 1;");

        assertThat(statements)
                .hasSize(3)
                .allSatisfy(st -> assertThat(st.copyData()).isNull());
    }
}

package dev.flowbase.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.InvalidFieldException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The search query language under a fuzzer: whatever a user types, {@link QueryParser} either gives
 * a query whose words are letters and digits only (so no engine's own query syntax is reached) or
 * refuses it as an invalid {@code q}, never with any other exception. The committed inputs in
 * {@code QueryParserFuzzTestInputs} replay in every build; {@code bench/fuzz/run} searches for more.
 */
class QueryParserFuzzTest {
    private static final QueryParser PARSER =
            new QueryParser(InstantSource.fixed(Instant.parse("2026-12-01T08:00:00Z")));

    @FuzzTest(maxDuration = "10m")
    void anyTextParsesIntoSafeWordsOrIsRefusedAsAnInvalidQuery(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        SearchQuery query;
        try {
            query = PARSER.parse(text);
        } catch (InvalidFieldException refused) {
            assertThat(refused.field()).isEqualTo(QueryParser.FIELD);
            assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            return;
        }
        assertThat(query.terms()).hasSizeLessThanOrEqualTo(QueryParser.MAX_TERMS);
        for (Term term : query.terms()) {
            for (String word : term.words()) {
                assertThat(word).isNotEmpty();
                assertThat(word.codePoints().allMatch(Character::isLetterOrDigit))
                        .as("word %s of %s", word, text)
                        .isTrue();
            }
        }
    }
}

package dev.flowbase.migrate;

import java.nio.file.Path;
import java.util.List;

/** The files {@code create} wrote: a versioned script and its undo in each engine folder. */
public record CreateResult(String version, List<Path> files) {
    public CreateResult {
        files = List.copyOf(files);
    }
}

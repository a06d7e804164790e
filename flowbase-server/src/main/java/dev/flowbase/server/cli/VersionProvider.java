package dev.flowbase.server.cli;

import dev.flowbase.Flowbase;
import picocli.CommandLine.IVersionProvider;

/** {@code flowbase --version}: the POM's version and the commit the build was made from. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"flowbase " + Flowbase.version() + " (commit " + Flowbase.commit() + ")"};
    }
}

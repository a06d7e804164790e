package dev.flowbase.server.cli;

import dev.flowbase.Flowbase;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"flowbase " + Flowbase.version()};
    }
}

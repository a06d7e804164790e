package dev.flowbase.server.cli;

import dev.flowbase.util.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code flowbase --version}: the POM's version and the commit the build was made from. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {BuildInfo.versionLine()};
    }
}

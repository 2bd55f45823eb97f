package io.vmflow.cli;

import io.vmflow.model.VmflowVersion;
import picocli.CommandLine.IVersionProvider;

/** Prints the build's version for {@code --version}. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"vmflow " + VmflowVersion.get()};
  }
}

package io.vmflow.cli;

import io.vmflow.ingest.ArtifactText;
import io.vmflow.parse.CommandParser;
import io.vmflow.parse.Parsed;
import io.vmflow.parse.ParserRegistry;
import io.vmflow.parse.SourceText;
import io.vmflow.spec.Spec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code vmflow parse}: detects a file's output kind and prints its parsed records as JSON. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Print the detected output kind of FILE and its parsed records as JSON.")
final class ParseCommand implements Callable<Integer> {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @picocli.CommandLine.Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A command output.")
  Path file;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      completionCandidates = Kinds.class,
      description = "Output kind instead of detecting it, one of: ${COMPLETION-CANDIDATES}.")
  String kind;

  @Option(
      names = "--subject",
      paramLabel = "OBJECT",
      description = "Object of a per-object command, e.g. br-int.")
  String subject = "";

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isReadable(file) || Files.isDirectory(file)) {
      err.println("vmflow parse: cannot read " + file);
      return ExitCodes.USAGE;
    }
    List<String> lines = ArtifactText.lines(file);
    Optional<Spec> detected = kind != null ? Spec.byId(kind) : KindDetection.detect(file, lines);
    String subj = subject.isEmpty() ? KindDetection.subject(file) : subject;
    if (detected.isEmpty() && kind != null) {
      err.println(
          "vmflow parse: unknown kind '"
              + kind
              + "'; known kinds: "
              + String.join(", ", new Kinds()));
      return ExitCodes.USAGE;
    }
    if (detected.isEmpty()) {
      err.println("vmflow parse: cannot tell what output " + file + " holds; give --kind");
      return ExitCodes.USAGE;
    }
    Optional<CommandParser<?>> parser = ParserRegistry.parserFor(detected.get());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("file", file.toString());
    result.put("kind", detected.get().id());
    if (parser.isEmpty()) {
      err.println("vmflow parse: no parser for " + detected.get().id());
      return ExitCodes.USAGE;
    }
    Parsed<?> parsed =
        parser.get().parse(new SourceText(detected.get(), file.toString(), 1, subj, lines));
    result.put("value", parsed.value().orElse(null));
    result.put("findings", parsed.findings());
    out.println(JSON.writeValueAsString(result));
    out.flush();
    return ExitCodes.OK;
  }

  /** The kinds {@code --kind} accepts: the ids of specs that have a parser, in spec order. */
  static final class Kinds implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(Spec.values())
          .filter(s -> ParserRegistry.parserFor(s).isPresent())
          .map(Spec::id)
          .iterator();
    }
  }
}

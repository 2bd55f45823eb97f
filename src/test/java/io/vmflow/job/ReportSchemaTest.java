package io.vmflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.vmflow.cli.VmflowMain;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * report.json of real runs validates against the published schema
 * (src/main/resources/io/vmflow/report/report.schema.json).
 */
class ReportSchemaTest {

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "samples/seed-fusionsphere",
        "samples/sosreport-compute4.tar.xz",
        "src/test/resources/fixtures/scenarios/9506hqwy-ovs-vlan"
      })
  void reportJsonMatchesTheSchema(String input) throws Exception {
    Path out = tmp.resolve("out");
    VmflowMain.run("analyze", input, "-o", out.toString());
    JsonSchema schema;
    try (InputStream in =
        ReportSchemaTest.class.getResourceAsStream("/io/vmflow/report/report.schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
    com.fasterxml.jackson.databind.JsonNode report =
        new ObjectMapper().readTree(out.resolve("report.json").toFile());
    Set<ValidationMessage> errors = schema.validate(report);
    assertThat(errors).isEmpty();
    // the schema has teeth: a summary with a negative count is rejected
    ((com.fasterxml.jackson.databind.node.ObjectNode) report.get("summary")).put("errors", -1);
    assertThat(schema.validate(report)).isNotEmpty();
  }
}

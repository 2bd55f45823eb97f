package io.vmflow.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment examples under {@code src/main/deploy} are what operators copy: the systemd units
 * pass {@code systemd-analyze verify} with no warning (where it is installed; always: the sections
 * and keys a manager timer and a worker service need), and the Kubernetes manifests parse, name
 * their kind and API version, run the commands of the README, and take the database from the
 * Secret.
 */
class DeployFilesTest {

  private static final Path SYSTEMD = Path.of("src/main/deploy/systemd");
  private static final Path K8S = Path.of("src/main/deploy/kubernetes");
  private static final Pattern SECTION = Pattern.compile("^\\[(\\w+)]$");
  private static final Pattern KEY = Pattern.compile("^(\\w+)=(.*)$");

  @Test
  void systemdUnitsPassSystemdAnalyzeVerify(@TempDir Path tmp) throws Exception {
    Path analyze = Path.of("/usr/bin/systemd-analyze");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(analyze), "systemd-analyze not installed: structural checks only");
    // verify wants the ExecStart program to exist: the launcher's path is a stand-in
    Path launcher = tmp.resolve("vmflow");
    Files.writeString(launcher, "#!/bin/sh\n");
    launcher.toFile().setExecutable(true);
    List<String> cmd = new ArrayList<>(List.of(analyze.toString(), "verify", "--man=no"));
    for (String unit :
        List.of("vmflow-nightly.service", "vmflow-nightly.timer", "vmflow-worker@.service")) {
      Files.writeString(
          tmp.resolve(unit),
          Files.readString(SYSTEMD.resolve(unit))
              .replace("/opt/vmflow/vmflow", launcher.toString()));
      cmd.add(tmp.resolve(unit).toString());
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).as("no warning (unknown key, bad value ...)").isBlank();
  }

  @Test
  void managerTimerStartsTheManagerAndWorkersRunUntilStopped() throws Exception {
    Map<String, Map<String, String>> manager = unit("vmflow-nightly.service");
    assertThat(manager.get("Service"))
        .containsEntry("Type", "oneshot")
        .containsEntry("EnvironmentFile", "/etc/vmflow/db.env")
        .containsEntry("SuccessExitStatus", "1");
    assertThat(manager.get("Service").get("ExecStart"))
        .startsWith("/opt/vmflow/vmflow nightly --workers remote --inbox ")
        .contains("--db ${VMFLOW_DB_URL}", "--db-password-env VMFLOW_DB_PASSWORD")
        .doesNotContain("password=");

    Map<String, Map<String, String>> timer = unit("vmflow-nightly.timer");
    assertThat(timer.get("Timer"))
        .containsEntry("Unit", "vmflow-nightly.service")
        .containsEntry("Persistent", "true")
        .containsKey("OnCalendar");
    assertThat(timer.get("Install")).containsEntry("WantedBy", "timers.target");

    Map<String, Map<String, String>> worker = unit("vmflow-worker@.service");
    assertThat(worker.get("Unit").get("Description")).contains("%i");
    assertThat(worker.get("Service"))
        .containsEntry("Type", "simple")
        .containsEntry("Restart", "on-failure")
        .containsEntry("KillSignal", "SIGTERM");
    assertThat(worker.get("Service").get("ExecStart"))
        .startsWith("/opt/vmflow/vmflow worker --db ${VMFLOW_DB_URL}");
    assertThat(worker.get("Install")).containsEntry("WantedBy", "multi-user.target");
  }

  @Test
  void kubernetesManifestsAreValidAndTakeTheDatabaseFromTheSecret() throws Exception {
    Map<String, Object> secret = yaml("vmflow-db-secret.yaml");
    assertThat(secret).containsEntry("apiVersion", "v1").containsEntry("kind", "Secret");
    assertThat(map(secret, "metadata")).containsEntry("name", "vmflow-db");
    assertThat(map(secret, "stringData")).containsKeys("url", "user", "password");
    assertThat(map(yaml("vmflow-data-pvc.yaml"), "spec").get("accessModes").toString())
        .contains("ReadWriteMany");

    Map<String, Object> deployment = yaml("vmflow-worker-deployment.yaml");
    assertThat(deployment)
        .containsEntry("apiVersion", "apps/v1")
        .containsEntry("kind", "Deployment");
    Map<String, Object> spec = map(deployment, "spec");
    assertThat(map(map(spec, "selector"), "matchLabels"))
        .isEqualTo(map(map(map(spec, "template"), "metadata"), "labels"));
    Map<String, Object> podSpec = map(map(spec, "template"), "spec");
    assertContainer(podSpec, "worker", List.of());

    Map<String, Object> cron = yaml("vmflow-nightly-cronjob.yaml");
    assertThat(cron).containsEntry("apiVersion", "batch/v1").containsEntry("kind", "CronJob");
    Map<String, Object> cronSpec = map(cron, "spec");
    assertThat(cronSpec).containsEntry("concurrencyPolicy", "Forbid").containsKey("schedule");
    Map<String, Object> jobPod = map(map(map(cronSpec, "jobTemplate"), "spec"), "template");
    assertThat(map(jobPod, "spec")).containsEntry("restartPolicy", "Never");
    assertContainer(map(jobPod, "spec"), "nightly", List.of("--workers", "remote", "--inbox"));
  }

  @SuppressWarnings("unchecked")
  private static void assertContainer(Map<String, Object> podSpec, String command, List<String> has)
      throws Exception {
    List<Map<String, Object>> containers = (List<Map<String, Object>>) podSpec.get("containers");
    assertThat(containers).hasSize(1);
    Map<String, Object> c = containers.get(0);
    assertThat(c).containsKeys("name", "image");
    List<String> args = (List<String>) c.get("args");
    assertThat(args.get(0)).isEqualTo(command);
    assertThat(args).containsAll(has).contains("--db", "$(VMFLOW_DB_URL)", "--db-password-env");
    assertThat(String.join(" ", args)).doesNotContain("password=");
    Map<String, String> fromSecret = new LinkedHashMap<>();
    for (Map<String, Object> e : (List<Map<String, Object>>) c.get("env")) {
      Object from = e.get("valueFrom");
      if (from != null) {
        Map<String, Object> ref = map((Map<String, Object>) from, "secretKeyRef");
        assertThat(ref).containsEntry("name", "vmflow-db");
        fromSecret.put((String) e.get("name"), (String) ref.get("key"));
      }
    }
    assertThat(fromSecret)
        .containsEntry("VMFLOW_DB_URL", "url")
        .containsEntry("VMFLOW_DB_USER", "user")
        .containsEntry("VMFLOW_DB_PASSWORD", "password");
    List<Map<String, Object>> mounts = (List<Map<String, Object>>) c.get("volumeMounts");
    List<Map<String, Object>> volumes = (List<Map<String, Object>>) podSpec.get("volumes");
    assertThat(mounts.get(0).get("name")).isEqualTo(volumes.get(0).get("name"));
    assertThat(map(volumes.get(0), "persistentVolumeClaim"))
        .containsEntry("claimName", "vmflow-data");
  }

  // section -> key -> value; a key given twice keeps the last value, as systemd does
  private static Map<String, Map<String, String>> unit(String name) throws Exception {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    String section = null;
    for (String line : Files.readAllLines(SYSTEMD.resolve(name))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher s = SECTION.matcher(line);
      Matcher k = KEY.matcher(line);
      if (s.matches()) {
        section = s.group(1);
        out.put(section, new LinkedHashMap<>());
      } else {
        assertThat(k.matches()).as("%s: '%s' is a key=value line", name, line).isTrue();
        assertThat(section).as("%s: '%s' inside a section", name, line).isNotNull();
        out.get(section).put(k.group(1), k.group(2));
      }
    }
    return out;
  }

  private static Map<String, Object> yaml(String name) throws Exception {
    return new Yaml().load(Files.readString(K8S.resolve(name)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> m, String key) {
    Object v = m.get(key);
    assertThat(v).as("%s in %s", key, m.keySet()).isInstanceOf(Map.class);
    return (Map<String, Object>) v;
  }
}

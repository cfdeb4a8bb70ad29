package io.jobguard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes N realistic manifests of mixed kinds as multi-document YAML files; every tenth object is
 * privileged and mounts the host's cron directory, the rest are hardened.
 */
public final class ManifestGenerator {
  static final int DOCUMENTS_PER_FILE = 20;
  private static final String[] KINDS = {
    "Pod", "Job", "CronJob", "Deployment", "DaemonSet", "StatefulSet"
  };

  private ManifestGenerator() {}

  public static void write(Path dir, int objects) throws IOException {
    Files.createDirectories(dir);
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < objects; i++) {
      file.append("---\n").append(manifest(i));
      if ((i + 1) % DOCUMENTS_PER_FILE == 0 || i == objects - 1) {
        Files.writeString(dir.resolve(String.format("m-%05d.yaml", i / DOCUMENTS_PER_FILE)), file);
        file.setLength(0);
      }
    }
  }

  public static String manifest(int i) {
    String kind = KINDS[i % KINDS.length];
    String pod = podSpec(i % 10 == 0, indentFor(kind));
    String name = kind.toLowerCase() + "-" + i;
    String meta =
        "metadata:\n  name: "
            + name
            + "\n  namespace: team-"
            + (i % 50)
            + "\n  labels: {app: "
            + name
            + ", team: t"
            + (i % 50)
            + "}\n";
    return switch (kind) {
      case "Pod" -> "apiVersion: v1\nkind: Pod\n" + meta + "spec:\n" + pod;
      case "Job" ->
          "apiVersion: batch/v1\nkind: Job\n" + meta + "spec:\n  template:\n    spec:\n" + pod;
      case "CronJob" ->
          "apiVersion: batch/v1\nkind: CronJob\n"
              + meta
              + "spec:\n  schedule: \"*/5 * * * *\"\n  jobTemplate:\n    spec:\n"
              + "      template:\n        spec:\n"
              + pod;
      default ->
          "apiVersion: apps/v1\nkind: "
              + kind
              + "\n"
              + meta
              + "spec:\n  selector: {matchLabels: {app: "
              + name
              + "}}\n  template:\n    metadata: {labels: {app: "
              + name
              + "}}\n    spec:\n"
              + pod;
    };
  }

  private static int indentFor(String kind) {
    return switch (kind) {
      case "Pod" -> 2;
      case "CronJob" -> 10;
      default -> 6;
    };
  }

  private static String podSpec(boolean violating, int indent) {
    String spec =
        violating
            ? """
            restartPolicy: Never
            containers:
              - name: maint
                image: registry.example.com/ops/maint:1.2
                command: ["sh", "-c", "cp /payload /host/etc/cron.d/maint"]
                securityContext: {privileged: true}
                volumeMounts: [{name: cron, mountPath: /host/etc/cron.d}]
            volumes:
              - {name: cron, hostPath: {path: /etc/cron.d}}
            """
            : """
            restartPolicy: Never
            securityContext: {runAsNonRoot: true, runAsUser: 10001, seccompProfile: {type: RuntimeDefault}}
            containers:
              - name: app
                image: registry.example.com/apps/app:3.4.5
                command: ["/app/run", "--port", "8080"]
                env: [{name: MODE, value: batch}, {name: LOG_LEVEL, value: info}]
                resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}
                securityContext:
                  allowPrivilegeEscalation: false
                  readOnlyRootFilesystem: true
                  capabilities: {drop: [ALL]}
                volumeMounts: [{name: tmp, mountPath: /tmp}]
            volumes:
              - {name: tmp, emptyDir: {}}
            """;
    return spec.indent(indent);
  }
}

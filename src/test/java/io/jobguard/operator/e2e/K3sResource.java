package io.jobguard.operator.e2e;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A throw-away K3s cluster for the operator: its kubeconfig is handed to the fabric8 client the
 * same way a user's is ({@code kubeconfig} system property), so the code path is the real one.
 */
public class K3sResource implements QuarkusTestResourceLifecycleManager {
  static final String IMAGE = "rancher/k3s:v1.31.4-k3s1";

  private K3sContainer k3s;
  private Path kubeconfig;

  @Override
  public Map<String, String> start() {
    k3s = new K3sContainer(DockerImageName.parse(IMAGE));
    k3s.start();
    try {
      kubeconfig = Files.createTempFile("jobguard-k3s", ".yaml");
      Files.writeString(kubeconfig, k3s.getKubeConfigYaml());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.setProperty("kubeconfig", kubeconfig.toString());
    return Map.of("quarkus.kubernetes-client.devservices.enabled", "false");
  }

  @Override
  public void stop() {
    System.clearProperty("kubeconfig");
    if (k3s != null) {
      k3s.stop();
    }
    try {
      if (kubeconfig != null) {
        Files.deleteIfExists(kubeconfig);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.jobguard.rules.hostpath;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPathTest {

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/etc                        | /etc",
        "/etc/                       | /etc",
        "//etc/cron.d                | /etc/cron.d",
        "/etc/./cron.d/              | /etc/cron.d",
        "/etc//cron.d//              | /etc/cron.d",
        "/etc/cron.d/../crontab      | /etc/crontab",
        "/                           | /",
        "//                          | /",
        "/.                          | /",
        "/..                         | /",
        "/../../etc                  | /etc",
        "/var/run                    | /run",
        "/var/run/                   | /run",
        "/var/run/docker.sock        | /run/docker.sock",
        "/var/run/../run/containerd  | /run/containerd",
        "/var//run/./crio/crio.sock  | /run/crio/crio.sock",
        // /var/run is a symlink to /run, so its parent is the root, as on the node.
        "/var/run/../etc/cron.d      | /etc/cron.d",
        "/var/lib/../run             | /run",
        "/var/spool/cron/crontabs    | /var/spool/cron/crontabs",
        "/home/u/.config/systemd/    | /home/u/.config/systemd",
        "/run/var/run                | /run/var/run",
      })
  void normalisesAbsolutePaths(String written, String normalized) {
    HostPath path = HostPath.of(written);
    assertThat(path.form()).isEqualTo(HostPath.Form.ABSOLUTE);
    assertThat(path.written()).isEqualTo(written);
    assertThat(path.normalized()).isEqualTo(normalized);
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "etc/cron.d         | /etc/cron.d",
        "./etc              | /etc",
        "../../var/run/x    | /run/x",
        ".                  | /",
        "data               | /data",
      })
  void readsRelativePathsFromTheRootAndSaysSo(String written, String normalized) {
    HostPath path = HostPath.of(written);
    assertThat(path.form()).isEqualTo(HostPath.Form.RELATIVE);
    assertThat(path.normalized()).isEqualTo(normalized);
    assertThat(path.describe())
        .contains("relative host path '" + written + "'")
        .contains(normalized);
  }

  @Test
  void emptyAndMissingPathsAreEmptyAndReachNothing() {
    for (String written : new String[] {null, ""}) {
      HostPath path = HostPath.of(written);
      assertThat(path.form()).isEqualTo(HostPath.Form.EMPTY);
      assertThat(path.isRoot()).isFalse();
      assertThat(path.written()).isEmpty();
      assertThat(path.describe()).contains("empty host path");
      assertThat(HostLocation.of("/etc").reachedBy(path)).isFalse();
      assertThat(HostLocation.of("/").contains(path)).isFalse();
    }
  }

  @Test
  void oddCharactersNeverCrash() {
    HostPath path = HostPath.of("/etc/\u0000cron.d/ /C:\\Windows");
    assertThat(path.segments()).containsExactly("etc", "\u0000cron.d", " ", "C:\\Windows");
  }

  @Test
  void describeShowsTheResolvedFormOnlyWhenItDiffers() {
    assertThat(HostPath.of("/etc").describe()).isEqualTo("host path '/etc'");
    assertThat(HostPath.of("/etc/./cron.d/").describe())
        .isEqualTo("host path '/etc/./cron.d/' (/etc/cron.d)");
  }

  @Test
  void onlyTheRootIsRoot() {
    assertThat(HostPath.of("/").isRoot()).isTrue();
    assertThat(HostPath.of("/etc/..").isRoot()).isTrue();
    assertThat(HostPath.of("/etc").isRoot()).isFalse();
  }
}

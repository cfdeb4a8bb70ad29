package io.jobguard.rules.hostpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostLocationTest {

  @ParameterizedTest(name = "{0} reaches {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the location itself, its ancestors, and paths inside it
        "/etc/cron.d                 | /etc/cron.d              | true",
        "/etc                        | /etc/cron.d              | true",
        "/                           | /etc/cron.d              | true",
        "/etc/cron.d/evil            | /etc/cron.d              | true",
        "/var                        | /var/spool/cron          | true",
        "/var/spool/cron/crontabs    | /var/spool/cron          | true",
        "/var/spool/cron/crontabs/x  | /var/spool/cron/crontabs | true",
        // siblings and look-alikes do not
        "/etc/ssl/certs              | /etc/cron.d              | false",
        "/etc/cron.dx                | /etc/cron.d              | false",
        "/etc/cron                   | /etc/cron.d              | false",
        "/var/log                    | /var/spool/cron          | false",
        "/data                       | /etc/cron.d              | false",
        // one-name wildcards: /home reaches every user's units, another user directory does not
        "/home                       | /home/*/.config/systemd  | true",
        "/home/u                     | /home/*/.config/systemd  | true",
        "/home/u/.config             | /home/*/.config/systemd  | true",
        "/home/u/.config/systemd/x   | /home/*/.config/systemd  | true",
        "/home/u/data                | /home/*/.config/systemd  | false",
        "/home/u/.config/autostart   | /home/*/.config/systemd  | false",
        // /var/run and /run are one directory
        "/var/run                    | /run/containerd/containerd.sock | true",
        "/var/run/../run/containerd  | /run/containerd/containerd.sock | true",
        "/run/containerd/containerd.sock | /var/run/containerd/containerd.sock | true",
        "/var                        | /run/docker.sock         | false",
        "''                          | /etc                     | false",
      })
  void reaches(String hostPath, String location, boolean reaches) {
    assertThat(HostLocation.of(location).reachedBy(HostPath.of(hostPath))).isEqualTo(reaches);
  }

  @ParameterizedTest(name = "{1} contains {0}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/var/lib/kubelet             | /var/lib/kubelet | true",
        "/var/lib/kubelet/pods/x/     | /var/lib/kubelet | true",
        "/var/lib                     | /var/lib/kubelet | false",
        "/var/lib/kubelet-plugins     | /var/lib/kubelet | false",
        "/                            | /                | true",
        "/anything                    | /                | true",
      })
  void contains(String hostPath, String location, boolean contains) {
    assertThat(HostLocation.of(location).contains(HostPath.of(hostPath))).isEqualTo(contains);
  }

  @Test
  void exactMatchIsOnlyTheLocation() {
    HostLocation etc = HostLocation.of("/etc/");
    assertThat(etc.path()).isEqualTo("/etc");
    assertThat(etc.isExactly(HostPath.of("//etc/."))).isTrue();
    assertThat(etc.isExactly(HostPath.of("/etc/ssl/certs"))).isFalse();
    assertThat(etc.isExactly(HostPath.of("/"))).isFalse();
  }

  @Test
  void relativeOrEmptyLocationsAreRejectedByName() {
    assertThatThrownBy(() -> HostLocation.of("opt/secrets"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'opt/secrets'")
        .hasMessageContaining("absolute");
    assertThatThrownBy(() -> HostLocation.of("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void setsListWhatIsReached() {
    assertThat(HostLocations.CRON.reach(HostPath.of("/etc/")))
        .hasValueSatisfying(
            r -> assertThat(r).startsWith("reaches the cron and at job locations /etc/crontab, "));
    assertThat(HostLocations.CRON.reach(HostPath.of("/var/spool/cron/crontabs")))
        .hasValue(
            "reaches the cron and at job locations /var/spool/cron, /var/spool/cron/crontabs");
    assertThat(HostLocations.CRON.reach(HostPath.of("/etc/ssl/certs"))).isEmpty();
  }
}

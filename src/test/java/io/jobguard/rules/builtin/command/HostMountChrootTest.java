package io.jobguard.rules.builtin.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostMountChrootTest {
  @Test
  void theSameMountPathsShareOneCompiledMatcher() {
    List<String> paths = new ArrayList<>(List.of("/node-root/", "/data"));

    CommandMatcher first = HostMountChroot.into(paths).orElseThrow();
    paths.set(1, "/elsewhere"); // the caller's list may change: the cache keeps its own copy

    assertThat(HostMountChroot.into(List.of("/node-root/", "/data"))).containsSame(first);
    assertThat(HostMountChroot.into(paths).orElseThrow()).isNotSameAs(first);
  }

  @Test
  void staysRightPastItsBound() {
    for (int i = 0; i < HostMountChroot.MAX_KNOWN + 10; i++) {
      HostMountChroot.into(List.of("/mnt/n" + i));
    }
    CommandMatcher matcher = HostMountChroot.into(List.of("/mnt/n3")).orElseThrow();

    assertThat(matcher.find(ShellText.of("chroot /mnt/n3 sh"))).isPresent();
    assertThat(matcher.find(ShellText.of("chroot /mnt/n4 sh"))).isEmpty();
  }

  @Test
  void nothingToWatchWithoutPathsOrOnlyTheRoot() {
    assertThat(HostMountChroot.into(List.of())).isEmpty();
    assertThat(HostMountChroot.into(List.of("/"))).isEmpty();
  }
}

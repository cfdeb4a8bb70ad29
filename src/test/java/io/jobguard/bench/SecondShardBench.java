package io.jobguard.bench;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Tag;

/** {@link ShardingBench} for the run "shard-1". */
@Tag("bench")
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@TestProfile(SecondShardBench.Config.class)
class SecondShardBench extends ShardingBench {
  public static class Config implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("jobguard.shard.count", "2", "jobguard.shard.index", "1");
    }
  }

  @Override
  IntPredicate ownsNamespace() {
    return n -> inHashShard(n, 1);
  }

  @Override
  String run() {
    return "shard-1";
  }
}

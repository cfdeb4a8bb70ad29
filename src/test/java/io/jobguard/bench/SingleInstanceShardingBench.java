package io.jobguard.bench;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Tag;

/** {@link ShardingBench} for the run "single". */
@Tag("bench")
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class SingleInstanceShardingBench extends ShardingBench {
  @Override
  IntPredicate ownsNamespace() {
    return n -> true;
  }

  @Override
  String run() {
    return "single";
  }
}

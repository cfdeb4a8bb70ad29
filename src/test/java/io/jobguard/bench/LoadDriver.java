package io.jobguard.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Creates objects through the client as fast as the mock API server accepts them. */
final class LoadDriver {
  static final int CLIENT_THREADS = 4;

  private LoadDriver() {}

  static void namespace(KubernetesClient client, String name) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .createOr(existing -> existing.update());
  }

  /** Creates objects 0..count-1 on a few client threads; returns them as created (with uids). */
  static List<HasMetadata> create(
      KubernetesClient client, int count, IntFunction<HasMetadata> object) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(CLIENT_THREADS);
    try {
      List<Future<HasMetadata>> created = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        HasMetadata item = object.apply(i);
        created.add(threads.submit(() -> client.resource(item).create()));
      }
      List<HasMetadata> result = new ArrayList<>(count);
      for (Future<HasMetadata> f : created) {
        result.add(f.get());
      }
      return result;
    } finally {
      threads.shutdownNow();
    }
  }
}

package io.jobguard.bench;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;

/**
 * Answers an informer's initial LIST of one kind from pre-built JSON instead of the mock server's
 * CRUD store, whose create is linear in the objects already stored (about 160 creates/s at 10,000
 * Pods), so that 50,000 could not be stored in the time a bench may take. The mock server's mixed
 * dispatcher answers a request that matches an expectation first and hands everything else (the
 * WATCH that follows the list, owner GETs, Finding writes) to the CRUD store. Each list is served
 * once: a second LIST (a re-list after a watch failure) would reach the empty CRUD store and show
 * up as missing evaluations, not go unnoticed.
 */
final class ServedList {
  private ServedList() {}

  /**
   * Serves {@code items} as the one response to the informer's initial LIST of the resource at
   * {@code path}: fabric8 7.5.2 lists with {@code resourceVersion=0} and no {@code limit}, which an
   * API server answers from its watch cache in a single response. Returns the response's size in
   * bytes (the JSON is ASCII).
   */
  static long serve(
      KubernetesMockServer server,
      String path,
      String listKind,
      String apiVersion,
      String version,
      List<String> items) {
    String body = list(listKind, apiVersion, version, items);
    server.expect().get().withPath(path + "?resourceVersion=0").andReturn(200, body).once();
    return body.length();
  }

  private static String list(
      String listKind, String apiVersion, String version, List<String> items) {
    StringBuilder json = new StringBuilder(items.stream().mapToInt(String::length).sum() + 256);
    json.append("{\"apiVersion\":\"")
        .append(apiVersion)
        .append("\",\"kind\":\"")
        .append(listKind)
        .append("\",\"metadata\":{\"resourceVersion\":\"")
        .append(version)
        .append('"');
    json.append("},\"items\":[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append(items.get(i));
    }
    return json.append("]}").toString();
  }
}

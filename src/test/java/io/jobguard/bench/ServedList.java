package io.jobguard.bench;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;

/**
 * Answers an informer's initial LIST of one kind from pre-built JSON instead of the mock server's
 * CRUD store, whose create is linear in the objects already stored (about 160 creates/s at 10,000
 * Pods), so that 50,000 could not be stored in the time a bench may take. The mock server's mixed
 * dispatcher answers a request that matches an expectation first and hands everything else (the
 * WATCH that follows the list, owner GETs, Finding writes) to the CRUD store. Each page is served
 * once: a second LIST (a re-list after a watch failure) would reach the empty CRUD store and show
 * up as missing evaluations, not go unnoticed.
 */
final class ServedList {
  private ServedList() {}

  /**
   * Serves {@code items} as the informer's initial LIST of the resource at {@code path}, in pages
   * of {@code pageSize} linked by continue tokens, all at the list's {@code version} (one
   * consistent snapshot, as the API server pages). Returns the JSON's size in bytes (it is ASCII).
   */
  static long serve(
      KubernetesMockServer server,
      String path,
      String listKind,
      String apiVersion,
      String version,
      List<String> items,
      int pageSize) {
    long bytes = 0;
    int pages = Math.max(1, (items.size() + pageSize - 1) / pageSize);
    for (int page = 0; page < pages; page++) {
      List<String> slice =
          items.subList(page * pageSize, Math.min(items.size(), (page + 1) * pageSize));
      String next = page + 1 < pages ? version + "-" + (page + 1) : null;
      String query =
          page == 0
              ? "?limit=" + pageSize
              : "?continue=" + version + "-" + page + "&limit=" + pageSize;
      String body = list(listKind, apiVersion, version, next, slice);
      server.expect().get().withPath(path + query).andReturn(200, body).once();
      bytes += body.length();
    }
    return bytes;
  }

  private static String list(
      String listKind, String apiVersion, String version, String next, List<String> items) {
    StringBuilder json = new StringBuilder(items.stream().mapToInt(String::length).sum() + 256);
    json.append("{\"apiVersion\":\"")
        .append(apiVersion)
        .append("\",\"kind\":\"")
        .append(listKind)
        .append("\",\"metadata\":{\"resourceVersion\":\"")
        .append(version)
        .append('"');
    if (next != null) {
      json.append(",\"continue\":\"").append(next).append('"');
    }
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

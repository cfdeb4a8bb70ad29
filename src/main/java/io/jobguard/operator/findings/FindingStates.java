package io.jobguard.operator.findings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Findings one writer thread knows, by key and by subject uid (a deleted subject is known by
 * its uid only). Used on that thread only.
 */
final class FindingStates {
  private final Map<String, FindingState> byKey = new HashMap<>();
  private final Map<String, Set<String>> keysBySubjectUid = new HashMap<>();

  FindingState get(String key) {
    return byKey.get(key);
  }

  /** False once the state was dropped or replaced, e.g. while its write was scheduled. */
  boolean isCurrent(FindingState state) {
    return byKey.get(state.key()) == state;
  }

  /** The state an observation belongs to, made on first sight; the observation is its template. */
  FindingState forObservation(FindingObservation observation) {
    String key = observation.key();
    FindingState state = byKey.get(key);
    if (state == null) {
      int slash = key.indexOf('/');
      state = new FindingState(key.substring(0, slash), key.substring(slash + 1));
      byKey.put(key, state);
    }
    state.template = observation;
    String uid = observation.subject().uid();
    if (uid != null && !uid.equals(state.subjectUid)) {
      // Same name, new uid: the subject was re-created, so it exists again.
      state.subjectDeletedAt = null;
    }
    index(state, uid);
    return state;
  }

  List<FindingState> ofSubject(String uid) {
    List<FindingState> found = new ArrayList<>();
    for (String key : keysBySubjectUid.getOrDefault(uid, Set.of())) {
      FindingState state = byKey.get(key);
      if (state != null) {
        found.add(state);
      }
    }
    return found;
  }

  /** Adds a state, replacing any other with its key. */
  void put(FindingState state) {
    drop(state.key());
    byKey.put(state.key(), state);
    index(state, state.subjectUid);
  }

  void drop(String key) {
    FindingState state = byKey.remove(key);
    if (state != null) {
      unindex(key, state.subjectUid);
    }
  }

  void clear() {
    byKey.clear();
    keysBySubjectUid.clear();
  }

  private void index(FindingState state, String subjectUid) {
    if (subjectUid == null) {
      return;
    }
    if (!subjectUid.equals(state.subjectUid)) {
      // A re-created subject: the deletion of the old one must no longer reach this Finding.
      unindex(state.key(), state.subjectUid);
    }
    state.subjectUid = subjectUid;
    keysBySubjectUid.computeIfAbsent(subjectUid, u -> new HashSet<>()).add(state.key());
  }

  /** Forgets the key under the uid, and the uid once nothing is left under it. */
  private void unindex(String key, String subjectUid) {
    if (subjectUid == null) {
      return;
    }
    Set<String> keys = keysBySubjectUid.get(subjectUid);
    if (keys != null && keys.remove(key) && keys.isEmpty()) {
      keysBySubjectUid.remove(subjectUid);
    }
  }
}

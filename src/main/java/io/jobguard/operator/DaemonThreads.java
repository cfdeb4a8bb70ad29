package io.jobguard.operator;

import java.util.concurrent.ThreadFactory;

/**
 * Threads of jobguard's own background work (writers, Events, watchdog, re-judging): named, so a
 * thread dump says what each does, and daemons, so none of them keeps a stopping JVM alive.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  public static ThreadFactory named(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}

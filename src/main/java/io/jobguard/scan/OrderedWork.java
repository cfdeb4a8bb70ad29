package io.jobguard.scan;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs tasks on a fixed pool and hands their results to one consumer, on the calling thread, in the
 * order the tasks were submitted: a parallel scan must print exactly what a sequential one prints.
 * At most {@code window} tasks, and tasks of at most {@code maxWeight} together (e.g. characters of
 * input), wait to be consumed, so a scan of many large files never holds more than that at once;
 * {@link #submit} waits for the oldest task instead. A single heavier task is still run, alone.
 */
final class OrderedWork<T> implements AutoCloseable {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final ExecutorService pool;
  private final int window;
  private final Consumer<T> consumer;
  private final long maxWeight;
  private final Deque<Pending<T>> pending = new ArrayDeque<>();
  private long pendingWeight;

  /** With {@code threads <= 1} every task runs inline on the submitting thread, with no pool. */
  OrderedWork(int threads, int window, long maxWeight, Consumer<T> consumer) {
    this.pool = threads <= 1 ? null : Executors.newFixedThreadPool(threads, daemonThreads());
    this.window = Math.max(1, window);
    this.maxWeight = maxWeight;
    this.consumer = consumer;
  }

  void submit(Callable<T> task, long weight) {
    if (pool == null) {
      consumer.accept(call(task));
      return;
    }
    while (!pending.isEmpty() && (pending.size() >= window || pendingWeight + weight > maxWeight)) {
      consumeOldest();
    }
    pending.addLast(new Pending<>(pool.submit(task), weight));
    pendingWeight += weight;
  }

  /** Waits for every submitted task and consumes the results still pending. */
  void finish() {
    while (!pending.isEmpty()) {
      consumeOldest();
    }
  }

  private void consumeOldest() {
    Pending<T> oldest = pending.removeFirst();
    pendingWeight -= oldest.weight();
    consumer.accept(await(oldest.future()));
  }

  private record Pending<T>(Future<T> future, long weight) {}

  @Override
  public void close() {
    if (pool != null) {
      pending.forEach(p -> p.future().cancel(true));
      pool.shutdownNow();
    }
  }

  private static <T> T call(Callable<T> task) {
    try {
      return task.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A task's failure surfaces on the consuming thread as it would have in a sequential scan. */
  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("scan interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    int pool = POOLS.incrementAndGet();
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "jobguard-scan-" + pool + "-" + count.incrementAndGet());
      // A CLI that returns must not be kept alive by idle workers.
      thread.setDaemon(true);
      return thread;
    };
  }
}

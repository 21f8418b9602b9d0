package org.holdspace.core;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The server's periodic jobs, all started and stopped the same way: each runs on a timer, never two runs of one job
 * at once, a failed run is logged by the job's name and the next one tries again, and {@link #stop} ends them all
 * (before the database pool closes at shutdown).
 */
public final class Jobs {
  private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

  private final Vertx vertx;
  private final List<Long> timers = new ArrayList<>();

  private Jobs(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Starts the jobs; completes once the first runs of those that start at once have completed. */
  public static Future<Jobs> start(Vertx vertx, List<Job> jobs) {
    Jobs started = new Jobs(vertx);
    List<Future<?>> first = new ArrayList<>();
    for (Job job : jobs) {
      Runner runner = new Runner(job);
      long delay = job.firstAfterMs() == 0 ? job.everyMs() : job.firstAfterMs();
      started.timers.add(vertx.setPeriodic(delay, job.everyMs(), id -> runner.tick()));
      if (job.firstAfterMs() == 0) {
        first.add(runner.tick());
      }
    }
    return Future.all(first).map(started);
  }

  /** One job's runs, one at a time. */
  private static final class Runner {
    private final Job job;
    private boolean running;

    Runner(Job job) {
      this.job = job;
    }

    Future<?> tick() {
      if (running) {
        return Future.succeededFuture();
      }
      running = true;
      return job.run().onComplete(ar -> {
        running = false;
        if (ar.failed()) {
          LOG.warn("{} failed: {}", job.name(), ar.cause().toString());
        }
      });
    }
  }

  /** Stops every job. */
  public void stop() {
    timers.forEach(vertx::cancelTimer);
    timers.clear();
  }
}

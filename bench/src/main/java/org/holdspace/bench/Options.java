package org.holdspace.bench;

import java.nio.file.Path;

/** Settings of the whole sweep that are not part of a single measurement. */
final class Options {
  Path root = Path.of(".").toAbsolutePath().normalize();
  Path results;
  int hashIterations = 1000;
  int connectConcurrency = 100;
  int eventLoops = Runtime.getRuntime().availableProcessors();
  /** Cores' worth of CPU used by other processes during a window above which the run is marked contended. */
  double contentionCores = 0.15;
  int retries = 1;
  int setupThreads = 8;
}

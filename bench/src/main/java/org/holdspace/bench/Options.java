package org.holdspace.bench;

import java.nio.file.Path;

/** Settings of the whole sweep that are not part of a single measurement. */
final class Options {
  Path root = Path.of(".").toAbsolutePath().normalize();
  Path results;
  int hashIterations = 1000;
  int connectConcurrency = 100;
  /**
   * Generator threads: half the cores, at least one. The generator shares the machine with the server it measures;
   * so bounded, it never takes more than half of the CPU from it (sendLagMs shows when that was too little).
   */
  int eventLoops = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  /** The generator's socket transport: auto (epoll, else NIO), epoll, io_uring or nio. */
  String transport = "auto";
  /** Cores' worth of CPU used by other processes during a window above which the run is marked contended. */
  double contentionCores = 0.15;
  int retries = 1;
  int setupThreads = 8;
  /** The PostgreSQL server (any database on it) on which holdspace-pg runs get a fresh database each. */
  String holdspaceDatabase = "postgres://postgres@127.0.0.1:5432/postgres";
  /** One core each: the server and its database pinned to one core, the generator to another (see {@link Pinning}). */
  boolean oneCoreEach;
}

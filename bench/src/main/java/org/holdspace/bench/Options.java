package org.holdspace.bench;

import java.nio.file.Path;

/** Settings of the whole sweep that are not part of a single measurement. */
final class Options {
  Path root = Path.of(".").toAbsolutePath().normalize();
  Path results;
  int hashIterations = 1000;
  int connectConcurrency = 100;
  int eventLoops = Runtime.getRuntime().availableProcessors();
  /** The generator's socket transport: auto (io_uring, else epoll, else NIO), io_uring, epoll or nio. */
  String transport = "auto";
  /** Cores' worth of CPU used by other processes during a window above which the run is marked contended. */
  double contentionCores = 0.15;
  int retries = 1;
  int setupThreads = 8;
  /** The PostgreSQL server (any database on it) on which holdspace-pg runs get a fresh database each. */
  String holdspaceDatabase = "postgres://postgres@127.0.0.1:5432/postgres";
}

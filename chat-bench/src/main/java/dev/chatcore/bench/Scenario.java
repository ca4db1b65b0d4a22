package dev.chatcore.bench;

/** One benchmark. It reads its options when built, and puts every figure into the result. */
interface Scenario {
  /**
   * Runs against {@code ctx}; throws {@link BenchFailure} when it cannot produce honest figures.
   */
  void run(Context ctx, Result r) throws Exception;
}

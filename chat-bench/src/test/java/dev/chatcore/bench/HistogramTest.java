package dev.chatcore.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HistogramTest {
  @Test
  void percentilesOfUniformValuesAreExactInTheLinearRange() {
    Histogram h = new Histogram();
    for (int us = 1; us <= 1000; us++) h.recordMicros(us);
    assertEquals(0.5, h.percentileMs(50), 1e-9);
    assertEquals(0.9, h.percentileMs(90), 1e-9);
    assertEquals(0.99, h.percentileMs(99), 1e-9);
    assertEquals(1.0, h.maxMs(), 1e-9);
    assertEquals(0.5005, h.meanMs(), 1e-9);
  }

  @Test
  void largeValuesKeepATenthOfAPercentPrecision() {
    Histogram h = new Histogram();
    h.recordMicros(1_234_567);
    double p = h.percentileMs(50);
    assertTrue(Math.abs(p - 1234.567) / 1234.567 < 0.001, "p50 " + p);
    assertEquals(1234.567, h.maxMs(), 1e-9);
  }

  @Test
  void bucketBoundsAreMonotonicAndContainTheirValues() {
    long[] samples = {0, 1, 2047, 2048, 2049, 4095, 4096, 10_000, 1L << 20, (1L << 40) + 12345};
    for (long v : samples) {
      int i = Histogram.index(v);
      assertTrue(Histogram.lowerBound(i) <= v, "lower bound of " + v);
      assertTrue(Histogram.lowerBound(i + 1) > v, "next bucket of " + v);
    }
  }

  @Test
  void emptyHistogramReportsNothing() {
    Histogram h = new Histogram();
    assertTrue(Double.isNaN(h.percentileMs(99)));
    assertTrue(Double.isNaN(h.maxMs()));
  }

  @Test
  void tailPercentileFindsTheOutlier() {
    Histogram h = new Histogram();
    for (int i = 0; i < 99; i++) h.recordNanos(1_000_000);
    h.recordNanos(500_000_000);
    assertEquals(1.0, h.percentileMs(99), 1e-9);
    assertEquals(500.0, h.percentileMs(100), 0.5);
  }
}

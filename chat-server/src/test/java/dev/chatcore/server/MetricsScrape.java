package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of {@code GET /metrics}, parsed from the Prometheus text format into samples. */
record MetricsScrape(String text, List<MetricsScrape.Sample> samples) {
  private static final Pattern LINE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Sample(String name, Map<String, String> labels, double value) {
    /** True when every {@code name=value} pair of {@code labels} is among this sample's labels. */
    boolean has(String... labels) {
      for (int i = 0; i < labels.length; i += 2) {
        if (!labels[i + 1].equals(this.labels.get(labels[i]))) return false;
      }
      return true;
    }
  }

  /** Scrapes the management listener at {@code address}; asserts 200 and the text format. */
  static MetricsScrape of(InetSocketAddress address) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort() + "/metrics"))
                .timeout(Duration.ofSeconds(20))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(
        "text/plain; version=0.0.4; charset=utf-8",
        r.headers().firstValue("Content-Type").orElse(""));
    return parse(r.body());
  }

  /**
   * Scrapes until {@code until} holds for the scrape (bounded: the condition comes from another
   * thread).
   */
  static MetricsScrape await(InetSocketAddress address, Predicate<MetricsScrape> until)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      MetricsScrape scrape = of(address);
      if (until.test(scrape)) return scrape;
      if (System.nanoTime() > deadline)
        throw new AssertionError("never held; last scrape:\n" + scrape.text());
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  static MetricsScrape parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) continue;
      Matcher m = LINE.matcher(line);
      if (!m.matches()) throw new AssertionError("not a sample line: " + line);
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(2) != null) {
        Matcher l = LABEL.matcher(m.group(2));
        while (l.find()) labels.put(l.group(1), l.group(2));
      }
      samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
    }
    return new MetricsScrape(text, List.copyOf(samples));
  }

  /** Every sample name, {@code _bucket}, {@code _count}, {@code _sum} and {@code _max} included. */
  Set<String> names() {
    Set<String> names = new TreeSet<>();
    samples.forEach(s -> names.add(s.name()));
    return names;
  }

  List<Sample> named(String name, String... labels) {
    return samples.stream().filter(s -> s.name().equals(name) && s.has(labels)).toList();
  }

  /** The sum over the samples of {@code name} that carry {@code labels}; 0 when there are none. */
  double sum(String name, String... labels) {
    return named(name, labels).stream().mapToDouble(Sample::value).sum();
  }
}

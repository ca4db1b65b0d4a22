package dev.chatcore.bench;

import java.net.URI;

/**
 * The server under test: where it listens, the HS256 secret its tokens are signed with, and its
 * process id for {@code /proc} readings (-1 when unknown). Only loopback addresses are ever
 * accepted.
 */
record Target(String host, int port, String secret, long pid) {
  Target {
    if (!isLoopbackHost(host))
      throw new IllegalArgumentException("refusing non-loopback target " + host);
  }

  String url() {
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /** Parses {@code http://127.0.0.1:PORT} (loopback only: 127.0.0.0/8, localhost, ::1). */
  static Target of(String url, String secret, long pid) {
    URI u;
    try {
      u = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad --url " + url);
    }
    if (!"http".equals(u.getScheme()))
      throw new IllegalArgumentException("--url must be http://..., got " + url);
    String host = u.getHost();
    if (host == null) throw new IllegalArgumentException("--url has no host: " + url);
    if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
    if (u.getPort() <= 0)
      throw new IllegalArgumentException("--url needs an explicit port: " + url);
    return new Target(host, u.getPort(), secret, pid);
  }

  static boolean isLoopbackHost(String host) {
    if (host == null) return false;
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1"))
      return true;
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) return false;
    for (String p : parts) {
      if (p.isEmpty()
          || p.length() > 3
          || !p.chars().allMatch(Character::isDigit)
          || Integer.parseInt(p) > 255) return false;
    }
    return true;
  }
}

package dev.chatcore.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /console/}: the console's static files, their types and headers, and nothing else. */
class ConsoleFilesTest {
  static HttpTestServer server;

  @BeforeAll
  static void start() {
    server = HttpTestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send("GET", path);
  }

  private static HttpResponse<String> send(String method, String path)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.url(path)))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return server.client().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesThePageWithoutATokenUnderAStrictContentSecurityPolicy() throws Exception {
    HttpResponse<String> page = get("/console/");
    assertEquals(200, page.statusCode());
    assertEquals(
        "text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(page.body().contains("<script type=\"module\" src=\"js/main.js\">"), page.body());
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertEquals(ConsoleFiles.CONTENT_SECURITY_POLICY, csp);
    assertTrue(
        csp.contains("default-src 'none'")
            && csp.contains("script-src 'self'")
            && !csp.contains("unsafe"),
        csp);
    assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
  }

  @Test
  void givesEachFileItsType() throws Exception {
    assertEquals(
        "text/javascript; charset=utf-8",
        get("/console/js/main.js").headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        "text/javascript; charset=utf-8",
        get("/console/js/views/reports.js").headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        "text/css; charset=utf-8",
        get("/console/console.css").headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        "image/svg+xml",
        get("/console/icon.svg").headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void redirectsToTheFolderAndListsNoDirectory() throws Exception {
    HttpResponse<String> bare = get("/console");
    assertTrue(
        bare.statusCode() == 301 || bare.statusCode() == 302 || bare.statusCode() == 307,
        bare.toString());
    assertTrue(bare.headers().firstValue("Location").orElseThrow().endsWith("/console/"));
    for (String path :
        new String[] {
          "/console/js/",
          "/console/js/views/",
          "/console/js",
          "/console/nope.js",
          "/console/js/..%2f..%2fHttpApi.class",
          "/console/..%2fopenapi.yaml"
        }) {
      HttpResponse<String> r = get(path);
      assertEquals(404, r.statusCode(), path);
      assertTrue(r.body().contains("\"error\":\"not_found\""), path + ": " + r.body());
    }
  }

  @Test
  void isReadOnly() throws Exception {
    assertEquals(405, send("POST", "/console/index.html").statusCode());
    assertEquals(405, send("DELETE", "/console/index.html").statusCode());
  }
}

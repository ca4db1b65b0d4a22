package dev.chatcore.adapter.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.resource.ClassPathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.MimeMappings;
import java.util.Map;

/**
 * The moderation console at {@code /console/}: static files (HTML, JavaScript modules, CSS) from
 * this module's jar, served by Undertow's resource handler. No directory listing; a file that is
 * not there is a JSON 404 like any other. The pages speak only the public admin API.
 */
public final class ConsoleFiles {
  /** Where the console is served. */
  public static final String PATH = "/console";

  /**
   * Scripts, styles and requests only from this server, nothing inline (so a chat message that
   * slips into the page as markup cannot run), no framing (clickjacking), no forms posted away.
   */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; "
          + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  /** Where the build puts the files on the classpath. */
  static final String RESOURCES = "dev/chatcore/adapter/http/console";

  private static final Map<String, String> HEADERS =
      Map.of(
          "Content-Security-Policy", CONTENT_SECURITY_POLICY,
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "no-referrer",
          "X-Frame-Options", "DENY",
          // revalidate every time (ETag, Last-Modified): a new server version never runs old
          // scripts
          "Cache-Control", "no-cache");

  /** Only the types the console ships; anything else is served as bytes, never sniffed. */
  private static final MimeMappings TYPES =
      MimeMappings.builder(false)
          .addMapping("html", "text/html; charset=utf-8")
          .addMapping("js", "text/javascript; charset=utf-8")
          .addMapping("css", "text/css; charset=utf-8")
          .addMapping("svg", "image/svg+xml")
          .addMapping("png", "image/png")
          .build();

  private ConsoleFiles() {}

  /** The handler to mount at {@link #PATH}: {@code /console} redirects to {@code /console/}. */
  public static HttpHandler handler() {
    HttpHandler notFound =
        exchange -> HttpApi.sendError(exchange, HttpProblem.notFound("no such console file"));
    ResourceHandler files =
        new ResourceHandler(
                new ClassPathResourceManager(ConsoleFiles.class.getClassLoader(), RESOURCES),
                notFound)
            .setDirectoryListingEnabled(false)
            .setWelcomeFiles("index.html")
            .setMimeMappings(TYPES);
    return exchange -> {
      HEADERS.forEach(
          (name, value) ->
              exchange.getResponseHeaders().put(HttpString.tryFromString(name), value));
      HttpString method = exchange.getRequestMethod();
      if (!method.equals(Methods.GET) && !method.equals(Methods.HEAD)) {
        HttpApi.sendError(exchange, HttpProblem.methodNotAllowed(method.toString()));
      } else if (isFolder(exchange.getRelativePath())) {
        notFound.handleRequest(exchange);
      } else {
        files.handleRequest(exchange);
      }
    };
  }

  /**
   * True for a path inside the console that names no file: every file the console ships has an
   * extension, so a folder (with or without its slash) is never listed, only the root has an index.
   */
  private static boolean isFolder(String path) {
    if (path.isEmpty() || path.equals("/")) return false;
    String last = path.substring(path.lastIndexOf('/') + 1);
    return !last.contains(".");
  }
}

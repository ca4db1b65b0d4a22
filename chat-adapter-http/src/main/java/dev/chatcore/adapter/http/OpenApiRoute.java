package dev.chatcore.adapter.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.yaml}: the OpenAPI 3.1 description of both APIs, no token needed. The file is
 * {@code docs/openapi.yaml}, packaged into this module's jar by the build (one copy only).
 */
public final class OpenApiRoute {
  /** Where the build puts the document on the classpath. */
  public static final String RESOURCE = "/dev/chatcore/adapter/http/openapi.yaml";

  /** The media type the document is served with. */
  public static final String CONTENT_TYPE = "application/yaml";

  private OpenApiRoute() {}

  /** The route; the document is read once, here. */
  public static Route route() {
    Reply.Raw document = new Reply.Raw(CONTENT_TYPE, document());
    return Route.of("GET", "/openapi.yaml", false, r -> Reply.ok(document));
  }

  /** The document's bytes. */
  public static byte[] document() {
    try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
      if (in == null)
        throw new IllegalStateException(
            RESOURCE + " is missing from the classpath (see the module's pom)");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

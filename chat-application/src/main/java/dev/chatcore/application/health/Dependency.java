package dev.chatcore.application.health;

import java.util.Optional;

/**
 * Something outside the core that the server relies on beside its storage, and can run without for
 * a while: the authentication service's published keys, for example (tokens keep verifying with the
 * keys fetched before). A failing dependency makes readiness <em>degraded</em>, never unavailable:
 * see {@link CheckReadiness}.
 */
public interface Dependency {
  /**
   * Empty while healthy; otherwise what is wrong, starting with the dependency's name ({@code
   * "auth_keys: ..."}). Must not block: {@code /readyz} asks on every probe, so an implementation
   * reports what it last observed rather than checking now.
   */
  Optional<String> problem();
}

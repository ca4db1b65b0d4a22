package dev.chatcore.server;

/** A bad configuration value: the message is one line naming the variable and what it expects. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String variable, String expected) {
    super(variable + ": expected " + expected);
  }
}

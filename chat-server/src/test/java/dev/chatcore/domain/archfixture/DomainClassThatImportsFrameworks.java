package dev.chatcore.domain.archfixture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import io.undertow.server.HttpHandler;

/** A deliberate violation (test sources only): proves the architecture rules bite. */
public final class DomainClassThatImportsFrameworks {
  ObjectMapper json;
  MongoClient mongo;
  HttpHandler http;
}

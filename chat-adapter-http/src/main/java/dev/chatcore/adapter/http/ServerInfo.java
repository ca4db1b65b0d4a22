package dev.chatcore.adapter.http;

/**
 * What {@code /.well-known} says about this server.
 *
 * @param syncDelivery how held syncs learn of new events: {@code local} (one node), {@code
 *     change_streams} or {@code polling} (several nodes on MongoDB)
 */
public record ServerInfo(String name, String version, String storage, String syncDelivery) {}

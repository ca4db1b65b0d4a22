/** Data retention: how long each kind of data is kept (SPEC §5); the janitor applies it. */
package dev.chatcore.domain.retention;

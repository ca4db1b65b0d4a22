/** In-memory storage: the embedded default and the reference behaviour for the contract suites. */
package dev.chatcore.adapter.memory;
